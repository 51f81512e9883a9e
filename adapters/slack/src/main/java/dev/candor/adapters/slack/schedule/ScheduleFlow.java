package dev.candor.adapters.slack.schedule;

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
import dev.candor.adapters.slack.interaction.Interactions;
import dev.candor.adapters.slack.interaction.ViewValues;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.Modals;
import dev.candor.adapters.slack.render.ReplyRenderer;
import dev.candor.core.CandorException;
import dev.candor.core.CandorSettings;
import dev.candor.core.identity.Actor;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionView;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Scheduling through the modal, for organizers: opened from the global shortcut, the App Home, or
 * {@code /candor schedule}; the submission becomes {@code sessions().schedule}.
 */
public final class ScheduleFlow {
  private final Interactions in;

  public ScheduleFlow(Interactions in) {
    this.in = in;
  }

  public void register(App app) {
    app.globalShortcut(Ids.Schedule.SHORTCUT, this::onShortcut);
    app.blockAction(Ids.Schedule.OPEN, this::onButton);
    app.viewSubmission(Ids.Schedule.CALLBACK, this::onSubmit);
  }

  Response onShortcut(GlobalShortcutRequest req, GlobalShortcutContext ctx)
      throws IOException, SlackApiException {
    var p = req.getPayload();
    open(
        ctx.client(),
        p.getTriggerId(),
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId()),
        Optional.empty());
    return ctx.ack();
  }

  Response onButton(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    var p = req.getPayload();
    Optional<String> channel = Optional.ofNullable(p.getChannel()).map(c -> c.getId());
    open(
        ctx.client(),
        p.getTriggerId(),
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId()),
        channel);
    return ctx.ack();
  }

  Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    Actor actor =
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId());
    CandorSettings settings = in.candor().settings();
    ScheduleForm.Result form =
        ScheduleForm.read(
            ViewValues.of(p.getView()), settings.sessionDefaults(), in.candor().clock().instant());
    if (form.request().isEmpty()) {
      return ctx.ackWithErrors(form.errors());
    }
    try {
      ListeningSession s = in.candor().sessions().schedule(actor, form.request().get());
      return ctx.ackWithUpdate(
          Modals.info("Session scheduled", ReplyRenderer.scheduled(SessionView.of(s))));
    } catch (CandorException e) {
      return ctx.ackWithErrors(Map.of(Ids.Schedule.TITLE_BLOCK, e.getMessage()));
    }
  }

  /** Opens the form for organizers, and a plain refusal for everyone else. */
  public void open(MethodsClient client, String triggerId, Actor actor, Optional<String> channel)
      throws IOException, SlackApiException {
    CandorSettings settings = in.candor().settings();
    boolean organizer = in.candor().sessions().access().isOrganizer(actor);
    LocalDate tomorrow =
        LocalDate.now(in.candor().clock().withZone(settings.defaultZone())).plusDays(1);
    Interactions.open(
        client,
        triggerId,
        organizer ? ScheduleModal.form(settings, tomorrow, channel) : ScheduleModal.notAllowed());
  }
}
