package dev.candor.adapters.slack.home;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.candor.adapters.slack.interaction.Interactions;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.ReplyRenderer;
import dev.candor.adapters.slack.render.SlackText;
import dev.candor.core.command.Command;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.Access;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionView;
import java.util.List;
import java.util.Optional;

/**
 * The App Home tab: published when someone opens it, republished after a moderator approves a
 * question there; the summary button sends the summary by direct message.
 */
public final class AppHome {
  /** Sessions shown at most; the slash command lists all. */
  static final int MAX_SESSIONS = 20;

  private final Interactions in;

  public AppHome(Interactions in) {
    this.in = in;
  }

  public void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent e = payload.getEvent();
          if ("home".equals(e.getTab())) {
            MethodsClient client = ctx.client();
            Actor actor = Interactions.actor(payload.getTeamId(), e.getUser());
            in.later("home", () -> publish(client, e.getUser(), actor, Optional.empty()));
          }
          return ctx.ack();
        });
    app.blockAction(Ids.Home.SUMMARY, this::onSummary);
    app.blockAction(Ids.Home.APPROVE, this::onApprove);
  }

  Response onSummary(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    Actor actor =
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId());
    String value = p.getActions().get(0).getValue();
    in.later(
        "summary",
        () -> {
          Reply reply =
              in.run(actor, null, new Command.Summary(Optional.of(SessionId.parse(value))));
          in.tell(ctx, p.getUser().getId(), ReplyRenderer.render(reply));
        });
    return ctx.ack();
  }

  Response onApprove(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    Actor actor =
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId());
    String value = p.getActions().get(0).getValue();
    MethodsClient client = ctx.client();
    in.later(
        "approve",
        () -> {
          Reply reply = in.run(actor, null, new Command.Approve(QuestionId.parse(value)));
          String notice = (reply instanceof Reply.Error ? "✗ " : "✓ ") + text(reply);
          publish(client, p.getUser().getId(), actor, Optional.of(SlackText.escape(notice)));
        });
    return ctx.ack();
  }

  /** Builds the viewer's home from the core and publishes it. */
  void publish(MethodsClient client, String userId, Actor actor, Optional<String> notice)
      throws Exception {
    Access access = in.candor().sessions().access();
    List<HomeView.HomeSession> sessions =
        in.candor().sessions().current().stream()
            .limit(MAX_SESSIONS)
            .map(s -> session(actor, access, s))
            .toList();
    var view = HomeView.build(access.isOrganizer(actor), sessions, notice);
    Interactions.check("views.publish", client.viewsPublish(r -> r.userId(userId).view(view)));
  }

  private HomeView.HomeSession session(Actor actor, Access access, ListeningSession s) {
    boolean moderator = access.canModerate(actor, s);
    boolean queue = moderator && s.settings().premoderated() && s.state().takesQuestions();
    return new HomeView.HomeSession(
        SessionView.of(s),
        moderator,
        queue ? in.candor().questions().list(actor, s.id()).moderationQueue() : List.of());
  }

  private static String text(Reply reply) {
    if (reply instanceof Reply.Text t) {
      return t.text();
    }
    return reply instanceof Reply.Error e ? e.text() : "";
  }
}
