package dev.candor.core.command;

import dev.candor.core.identity.Actor;
import dev.candor.core.render.InsightText;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPolicy;
import dev.candor.core.summary.Followup;
import dev.candor.core.summary.Followups;
import dev.candor.core.summary.Policies;
import dev.candor.core.summary.Presenter;
import dev.candor.core.summary.Themes;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the commands on what a session produced, for {@link Commands}: themes and merging them,
 * follow-ups, the tally policy, escalation and the presenter link. All are for the session's
 * moderators and organizers; each answers in plain text.
 */
public final class InsightCommands {
  private final Themes themes;
  private final Followups followups;
  private final Policies policies;
  private final Presenter presenter;

  public InsightCommands(
      Themes themes, Followups followups, Policies policies, Presenter presenter) {
    this.themes = themes;
    this.followups = followups;
    this.policies = policies;
    this.presenter = presenter;
  }

  static boolean handles(Command command) {
    return command instanceof Command.Themes
        || command instanceof Command.MergeCluster
        || command instanceof Command.Followup
        || command instanceof Command.Tallies
        || command instanceof Command.Escalate
        || command instanceof Command.Present;
  }

  /** Runs one; {@code resolve} picks the session when the command names none. */
  Reply run(CommandContext ctx, Command command, Function<Optional<SessionId>, SessionId> resolve) {
    Actor actor = ctx.actor();
    if (command instanceof Command.Themes t) {
      SessionId id = resolve.apply(t.session());
      return new Reply.Text(InsightText.themes(id, themes.themes(actor, id)));
    } else if (command instanceof Command.MergeCluster m) {
      Themes.MergedCluster done =
          themes.mergeCluster(actor, m.question(), new HashSet<>(m.except()));
      return new Reply.Text(InsightText.merged(done));
    } else if (command instanceof Command.Followup f) {
      Followup saved =
          f.done()
              ? followups.close(actor, f.question())
              : followups.assign(actor, f.question(), f.owner(), f.due());
      return new Reply.Text(InsightText.followup(saved));
    } else if (command instanceof Command.Tallies t) {
      SessionPolicy p = policies.setTallies(actor, t.session(), t.policy());
      return new Reply.Text(
          "Tallies in "
              + t.session()
              + ": "
              + p.tallies().label()
              + ", so "
              + p.tallies().describe()
              + ". Moderators always see counts, in their own view and in the summary.");
    } else if (command instanceof Command.Escalate e) {
      Policies.EscalationSet set = policies.setEscalation(actor, e.session(), e.at());
      return new Reply.Text(InsightText.escalation(e.session(), set));
    } else if (command instanceof Command.Present p) {
      String link = presenter.link(actor, p.session(), p.renew());
      return new Reply.Text(
          (p.renew() ? "New presenter link" : "Presenter board")
              + " of "
              + p.session()
              + ", read-only, showing what participants see; anyone with the link can watch it,"
              + " so share it with the room only: "
              + link
              + (link.startsWith("/") ? " (on the web address of this Candor server)" : "")
              + "\nTo make this link stop working: present "
              + p.session()
              + " renew");
    }
    throw new IllegalArgumentException("not an insight command: " + command.getClass());
  }
}
