package dev.candor.adapters.slack.ask;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import dev.candor.adapters.slack.interaction.Interactions;
import dev.candor.adapters.slack.interaction.ViewValues;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.AskResult;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionView;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asking through the modal: opened from the slash command, the global shortcut, an "Ask
 * anonymously" button (board, reminders, App Home); the submission is checked by the core and
 * refusals are shown inline beside the field they concern.
 */
public final class AskFlow {
  private final Interactions in;

  public AskFlow(Interactions in) {
    this.in = in;
  }

  public void register(App app) {
    app.globalShortcut(Ids.Ask.SHORTCUT, this::onShortcut);
    app.blockAction(Ids.Ask.OPEN, this::onButton);
    app.viewSubmission(Ids.Ask.CALLBACK, this::onSubmit);
  }

  Response onShortcut(GlobalShortcutRequest req, GlobalShortcutContext ctx)
      throws IOException, SlackApiException {
    open(ctx.client(), req.getPayload().getTriggerId(), Optional.empty(), Optional.empty());
    return ctx.ack();
  }

  Response onButton(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    BlockActionPayload p = req.getPayload();
    String value = p.getActions().get(0).getValue();
    try {
      Optional<SessionId> session =
          value != null && SessionId.looksLike(value)
              ? Optional.of(SessionId.parse(value))
              : Optional.empty();
      open(ctx.client(), p.getTriggerId(), Optional.empty(), session);
    } catch (CandorException e) {
      // A button naming no session that exists (tampered, or from long ago): the plain modal,
      // where the person picks one.
      open(ctx.client(), p.getTriggerId(), Optional.empty(), Optional.empty());
    }
    return ctx.ack();
  }

  Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    Actor actor =
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId());
    ViewValues values = ViewValues.of(p.getView());
    Optional<String> picked = values.selected(Ids.Ask.SESSION_BLOCK, Ids.Ask.SESSION_ACTION);
    if (picked.isEmpty() || !SessionId.looksLike(picked.get())) {
      return ctx.ackWithErrors(Map.of(Ids.Ask.SESSION_BLOCK, "Choose a session."));
    }
    String text = values.text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION).orElse("");
    try {
      SessionId session = SessionId.parse(picked.get());
      AskResult result = in.candor().questions().ask(actor, session, text);
      return ctx.ackWithUpdate(AskModal.asked(result));
    } catch (CandorException e) {
      return ctx.ackWithErrors(Map.of(fieldOf(e), e.getMessage()));
    }
  }

  /**
   * Opens the modal for a trigger: the form, preselecting the given session or the one session of
   * the channel, or a note that no session takes questions.
   */
  public void open(
      MethodsClient client,
      String triggerId,
      Optional<ChannelRef> channel,
      Optional<SessionId> preselected)
      throws IOException, SlackApiException {
    List<ListeningSession> taking =
        in.candor().sessions().current().stream().filter(s -> s.state().takesQuestions()).toList();
    View view =
        taking.isEmpty()
            ? AskModal.noSession()
            : AskModal.form(
                taking.stream().map(SessionView::of).toList(),
                preselected.or(() -> single(taking, channel)));
    Interactions.open(client, triggerId, view);
  }

  private static Optional<SessionId> single(
      List<ListeningSession> taking, Optional<ChannelRef> channel) {
    List<ListeningSession> here =
        channel
            .map(c -> taking.stream().filter(s -> s.audience().contains(c)).toList())
            .orElse(List.of());
    List<ListeningSession> candidates = here.isEmpty() ? taking : here;
    return candidates.size() == 1 ? Optional.of(candidates.get(0).id()) : Optional.empty();
  }

  /** A refusal about the session shows under the picker; anything else under the question. */
  private static String fieldOf(CandorException e) {
    return switch (e.kind()) {
      case NOT_FOUND, WRONG_STATE -> Ids.Ask.SESSION_BLOCK;
      default -> Ids.Ask.TEXT_BLOCK;
    };
  }
}
