package dev.candor.core.command;

import dev.candor.core.CandorException;
import dev.candor.core.CandorSettings;
import dev.candor.core.Failures;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.Moderation;
import dev.candor.core.question.Questions;
import dev.candor.core.series.CarryOver;
import dev.candor.core.series.Series;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.session.SessionView;
import dev.candor.core.session.Sessions;
import dev.candor.core.summary.Exports;
import dev.candor.core.summary.Summaries;
import dev.candor.core.vote.Votes;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the command language for every platform: parses what a person typed, calls the core, and
 * answers with a {@link Reply}. Domain failures become one-line {@link Reply.Error}s; anything
 * unexpected is logged without the command text and answered with a plain apology.
 */
public final class Commands {
  private static final Logger log = LoggerFactory.getLogger(Commands.class);
  private final CommandParser parser;
  private final CandorSettings settings;
  private final Sessions sessions;
  private final Questions questions;
  private final Votes votes;
  private final Moderation moderation;
  private final Summaries summaries;
  private final Exports exports;
  private final Series series;
  private final CarryOver carryOver;
  private InsightCommands insights;

  public Commands(
      CommandParser parser,
      CandorSettings settings,
      Sessions sessions,
      Questions questions,
      Votes votes,
      Moderation moderation,
      Summaries summaries,
      Exports exports) {
    this(parser, settings, sessions, questions, votes, moderation, summaries, exports, null, null);
  }

  /** With recurring sessions ({@code schedule ... every}, {@code carry}, {@code stop}). */
  public Commands(
      CommandParser parser,
      CandorSettings settings,
      Sessions sessions,
      Questions questions,
      Votes votes,
      Moderation moderation,
      Summaries summaries,
      Exports exports,
      Series series,
      CarryOver carryOver) {
    this.series = series;
    this.carryOver = carryOver;
    this.parser = parser;
    this.settings = settings;
    this.sessions = sessions;
    this.questions = questions;
    this.votes = votes;
    this.moderation = moderation;
    this.summaries = summaries;
    this.exports = exports;
  }

  /** Parses and runs one line of the command language. */
  public Reply handle(CommandContext ctx, String text) {
    try {
      return run(ctx, parser.parse(text == null ? "" : text));
    } catch (CandorException e) {
      return new Reply.Error(e.getMessage());
    } catch (RuntimeException e) {
      log.error("command failed unexpectedly: {}", Failures.describe(e));
      return new Reply.Error(
          "Something went wrong on Candor's side and nothing was stored. Please try again.");
    }
  }

  /** Runs an already parsed command (modals and buttons build commands directly). */
  public Reply run(CommandContext ctx, Command command) {
    Actor actor = ctx.actor();
    if (command instanceof Command.Help) {
      return new Reply.Help(HelpText.text());
    } else if (command instanceof Command.Sessions) {
      return new Reply.SessionList(sessions.current().stream().map(SessionView::of).toList());
    } else if (command instanceof Command.Schedule s) {
      return schedule(ctx, s);
    } else if (command instanceof Command.Ask a) {
      return new Reply.Asked(
          questions.ask(actor, resolveTaking(ctx, a.session(), "ask"), a.text()));
    } else if (command instanceof Command.Questions q) {
      return new Reply.QuestionList(
          questions.list(actor, resolveAny(ctx, q.session(), "questions")));
    } else if (command instanceof Command.Vote v) {
      Votes.Tally t = votes.vote(actor, v.question());
      return new Reply.Text("Voted for " + t.question() + now(t));
    } else if (command instanceof Command.Unvote v) {
      Votes.Tally t = votes.unvote(actor, v.question());
      return new Reply.Text("Vote removed from " + t.question() + now(t));
    } else if (command instanceof Command.Withdraw w) {
      return new Reply.Text(
          "Withdrew " + questions.withdraw(actor, w.question()) + " and its votes.");
    } else if (command instanceof Command.Lifecycle l) {
      return lifecycle(actor, l);
    } else if (command instanceof Command.Hide h) {
      moderation.hide(actor, h.question(), h.reason());
      return new Reply.Text("Hid " + h.question() + ". The reason will show in the summary.");
    } else if (command instanceof Command.Answer a) {
      moderation.answer(actor, a.question(), a.text());
      return new Reply.Text("Marked " + a.question() + " answered.");
    } else if (command instanceof Command.Merge m) {
      moderation.merge(actor, m.duplicate(), m.into());
      return new Reply.Text(
          "Merged " + m.duplicate() + " into " + m.into() + "; their votes are combined.");
    } else if (command instanceof Command.Approve a) {
      moderation.approve(actor, a.question());
      return new Reply.Text("Approved " + a.question() + "; it is released with the next batch.");
    } else if (command instanceof Command.Summary s) {
      return new Reply.Summary(summaries.summary(actor, resolveAny(ctx, s.session(), "summary")));
    } else if (command instanceof Command.Export e) {
      return new Reply.File(exports.export(actor, e.session(), e.format()));
    } else if (command instanceof Command.Reschedule r) {
      return reschedule(actor, r);
    } else if (command instanceof Command.Carry c) {
      CarryOver.Carried done = recurring(carryOver).carry(actor, c.session());
      return new Reply.Text(
          done.count() == 0
              ? "Nothing carried: "
                  + c.session()
                  + " has no unanswered question left to carry, or"
                  + " they are in "
                  + done.to()
                  + " already."
              : "Carried "
                  + done.count()
                  + " unanswered questions from "
                  + c.session()
                  + " into "
                  + done.to()
                  + ", without authors or votes.");
    } else if (command instanceof Command.Stop st) {
      Series.Stopped done = recurring(series).stop(actor, st.session());
      return new Reply.Text(
          "The series ends with "
              + st.session()
              + "; no later occurrence will be scheduled"
              + done.cancelled().map(id -> ", and " + id + " is cancelled.").orElse("."));
    }
    if (insights != null && InsightCommands.handles(command)) {
      return insights.run(ctx, command, given -> resolveAny(ctx, given, "themes"));
    }
    throw new IllegalArgumentException("unknown command " + command.getClass());
  }

  /**
   * Connects the commands on what sessions produce ({@code themes}, {@code merge-cluster}, {@code
   * followup}, {@code tallies}, {@code escalate}, {@code present}).
   */
  public void setInsights(InsightCommands insights) {
    this.insights = insights;
  }

  private Reply schedule(CommandContext ctx, Command.Schedule s) {
    SessionSettings rules = settings.sessionDefaults();
    if (s.minAskers().isPresent()) {
      rules = rules.withMinAskers(s.minAskers().get());
    }
    if (s.releaseInterval().isPresent()) {
      rules = rules.withReleaseInterval(s.releaseInterval().get());
    }
    if (s.premoderated()) {
      rules = rules.withPremoderation(true);
    }
    if (s.reminders().isPresent()) {
      rules = rules.withReminderOffsets(s.reminders().get());
    }
    List<ChannelRef> audience =
        s.channels().isEmpty()
            ? List.of(ctx.channel())
            : s.channels().stream()
                .map(c -> ChannelRef.parse(c, ctx.channel().platform()))
                .toList();
    List<UserRef> moderators =
        s.moderators().stream().map(m -> UserRef.parse(m, ctx.actor().platform())).toList();
    NewSession request =
        new NewSession(
            s.title(),
            s.start().toInstant(),
            s.start().plus(s.duration().orElse(settings.defaultDuration())).toInstant(),
            s.start().getZone(),
            audience,
            moderators,
            rules);
    if (s.every().isPresent()) {
      Series.Created created = recurring(series).create(ctx.actor(), request, s.every().get());
      ListeningSession first = created.first();
      return new Reply.Text(
          "Scheduled \""
              + first.title()
              + "\" "
              + s.every().get().describe()
              + ". The first"
              + " occurrence is "
              + first.id()
              + ", starting "
              + s.start().toLocalDateTime().toString().replace('T', ' ')
              + "; each occurrence is"
              + " its own session, and the next is scheduled when one ends. Ask ahead: ask "
              + first.id()
              + " <your question>");
    }
    return new Reply.Scheduled(SessionView.of(sessions.schedule(ctx.actor(), request)));
  }

  private Reply reschedule(Actor actor, Command.Reschedule r) {
    ListeningSession s = sessions.get(r.session());
    sessions.access().requireModerator(actor, s, "reschedule it");
    ZonedDateTime start = r.start().in(s.zone());
    Duration length = r.duration().orElse(Duration.between(s.startsAt(), s.endsAt()));
    ListeningSession moved =
        sessions.reschedule(actor, s.id(), start.toInstant(), start.plus(length).toInstant());
    return new Reply.Scheduled(SessionView.of(moved));
  }

  private static <T> T recurring(T feature) {
    if (feature == null) {
      throw CandorException.invalid("Recurring sessions are not available here.");
    }
    return feature;
  }

  private Reply lifecycle(Actor actor, Command.Lifecycle l) {
    ListeningSession s =
        switch (l.action()) {
          case OPEN -> sessions.open(actor, l.session());
          case CLOSE -> sessions.close(actor, l.session());
          case CANCEL -> sessions.cancel(actor, l.session());
          case ARCHIVE -> sessions.archive(actor, l.session());
        };
    String done =
        switch (l.action()) {
          case OPEN -> " is open.";
          case CLOSE -> " is closed; the summary is on its way to the moderators.";
          case CANCEL -> " is cancelled.";
          case ARCHIVE -> " is archived; its key is shredded and votes are now plain counts.";
        };
    return new Reply.Text(s.id() + " (" + s.title() + ")" + done);
  }

  private SessionId resolveTaking(CommandContext ctx, Optional<SessionId> given, String verb) {
    return given.orElseGet(
        () -> pick(ctx, s -> s.state().takesQuestions(), verb, "takes questions"));
  }

  private SessionId resolveAny(CommandContext ctx, Optional<SessionId> given, String verb) {
    return given.orElseGet(
        () ->
            pick(ctx, s -> !s.state().isOver() || s.state().name().equals("CLOSED"), verb, "runs"));
  }

  /** The one session of this channel (or, failing that, of the whole Candor) that fits. */
  private SessionId pick(
      CommandContext ctx, Predicate<ListeningSession> fits, String verb, String what) {
    List<ListeningSession> all = sessions.current().stream().filter(fits).toList();
    List<ListeningSession> here =
        all.stream().filter(s -> s.audience().contains(ctx.channel())).toList();
    List<ListeningSession> candidates = here.isEmpty() ? all : here;
    if (candidates.size() == 1) {
      return candidates.get(0).id();
    }
    if (candidates.isEmpty()) {
      throw CandorException.notFound("No session " + what + " right now. See: sessions");
    }
    StringBuilder names = new StringBuilder();
    for (ListeningSession s : candidates.subList(0, Math.min(3, candidates.size()))) {
      String title = s.title().length() > 40 ? s.title().substring(0, 39) + "…" : s.title();
      names.append(names.length() == 0 ? "" : ", ").append(s.id()).append(" (").append(title);
      names.append(')');
    }
    if (candidates.size() > 3) {
      names.append(" and ").append(candidates.size() - 3).append(" more (see: sessions)");
    }
    throw CandorException.invalid(
        "More than one session fits: "
            + names
            + ". Say which, e.g. "
            + verb
            + " "
            + candidates.get(0).id()
            + " …");
  }

  /** "; it now has 3 votes.", or just "." where the session's tally policy hides counts. */
  private static String now(Votes.Tally t) {
    return t.votes() < 0 ? "." : "; it now has " + votes(t) + ".";
  }

  private static String votes(Votes.Tally t) {
    return t.votes() == 1 ? "1 vote" : t.votes() + " votes";
  }
}
