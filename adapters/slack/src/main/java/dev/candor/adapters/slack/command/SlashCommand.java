package dev.candor.adapters.slack.command;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.candor.adapters.slack.ask.AskFlow;
import dev.candor.adapters.slack.interaction.Interactions;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.ReplyRenderer;
import dev.candor.adapters.slack.render.SlackMessage;
import dev.candor.adapters.slack.schedule.ScheduleFlow;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /candor <command>}: every command of the core's language, answered privately. The answer
 * is always ephemeral, so Slack never shows the command (and with it the question) in the channel.
 * Without text (or with just {@code ask} or {@code schedule}) it opens the matching modal. A
 * command that takes longer than the budget is acknowledged at once and answered through the
 * response_url when done.
 */
public final class SlashCommand {
  /** Slack waits three seconds for the acknowledgement; keep a margin for the network. */
  public static final Duration BUDGET = Duration.ofMillis(2000);

  static final String COULD_NOT_OPEN =
      "✗ Slack did not let Candor open the form just now. Please try again, or type `"
          + Ids.COMMAND
          + " help`.";

  private static final Logger log = LoggerFactory.getLogger(SlashCommand.class);
  private final Interactions in;
  private final AskFlow ask;
  private final ScheduleFlow schedule;
  private final Duration budget;

  /** With {@code budget} the time a command may take before it is answered late. */
  public SlashCommand(Interactions in, AskFlow ask, ScheduleFlow schedule, Duration budget) {
    this.in = in;
    this.ask = ask;
    this.schedule = schedule;
    this.budget = budget;
  }

  public void register(App app) {
    app.command(Ids.COMMAND, this::handle);
  }

  Response handle(SlashCommandRequest req, SlashCommandContext ctx)
      throws IOException, SlackApiException {
    SlashCommandPayload p = req.getPayload();
    Actor actor = Interactions.actor(p.getTeamId(), p.getUserId());
    ChannelRef channel = new ChannelRef(Platform.SLACK, p.getChannelId());
    String text = p.getText() == null ? "" : p.getText().strip();
    String word = text.toLowerCase(Locale.ROOT);
    try {
      if (word.isEmpty() || word.equals("ask")) {
        ask.open(ctx.client(), p.getTriggerId(), Optional.of(channel), Optional.empty());
        return organizerHint(ctx, actor);
      }
      if (word.equals("schedule")) {
        schedule.open(ctx.client(), p.getTriggerId(), actor, Optional.of(channel.channelId()));
        return ctx.ack();
      }
    } catch (Exception e) {
      log.warn("could not open a modal for the slash command: {}", e.getClass().getName());
      return ctx.ack(ephemeral(new SlackMessage(COULD_NOT_OPEN, List.of())));
    }
    return answer(
        ctx, () -> in.candor().commands().handle(new CommandContext(actor, channel), text));
  }

  /** Answers within the budget, or acknowledges now and answers through the response_url. */
  Response answer(SlashCommandContext ctx, Supplier<Reply> command) {
    CompletableFuture<SlackMessage> reply =
        CompletableFuture.supplyAsync(() -> ReplyRenderer.render(command.get()), in.background());
    try {
      return ctx.ack(ephemeral(reply.get(budget.toMillis(), TimeUnit.MILLISECONDS)));
    } catch (TimeoutException e) {
      reply.thenAccept(m -> in.later("late reply", () -> ctx.respond(ephemeral(m))));
      return ctx.ack(ephemeral(new SlackMessage("⏳ Working on it…", List.of())));
    } catch (Exception e) {
      return ctx.ack(
          ephemeral(
              new SlackMessage(
                  "✗ Something went wrong on Candor's side. Please try again.", List.of())));
    }
  }

  /** Ephemeral, always: an in_channel answer would show the command, and the asker, to all. */
  static SlashCommandResponse ephemeral(SlackMessage m) {
    return SlashCommandResponse.builder()
        .responseType("ephemeral")
        .text(m.text())
        .blocks(Interactions.blocksOrNull(m))
        .build();
  }

  private Response organizerHint(SlashCommandContext ctx, Actor actor) {
    if (!in.candor().sessions().access().isOrganizer(actor)) {
      return ctx.ack();
    }
    return ctx.ack(
        ephemeral(
            new SlackMessage(
                "Scheduling a session instead?",
                List.of(
                    section(s -> s.text(markdownText("Scheduling a session instead?"))),
                    actions(
                        List.of(
                            button(
                                b ->
                                    b.actionId(Ids.Schedule.OPEN)
                                        .text(plainText("Schedule a session")))))))));
  }
}
