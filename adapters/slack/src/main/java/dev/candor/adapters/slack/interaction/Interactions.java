package dev.candor.adapters.slack.interaction;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.view.View;
import dev.candor.adapters.slack.render.SlackMessage;
import dev.candor.adapters.slack.render.SlackText;
import dev.candor.core.Candor;
import dev.candor.core.CandorException;
import dev.candor.core.command.Command;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Slack handler shares: the core, the pool that runs work after the acknowledgement, and
 * the ways to answer someone privately. Failures are logged by kind and class only: never a
 * payload, a user id or question text.
 */
public final class Interactions {
  private static final Logger log = LoggerFactory.getLogger(Interactions.class);

  /**
   * The channel of actions taken outside any conversation; commands with explicit ids ignore it.
   */
  static final String NO_CHANNEL = "app_home";

  private final Candor candor;
  private final ExecutorService background;

  public Interactions(Candor candor, ExecutorService background) {
    this.candor = candor;
    this.background = background;
  }

  /** Work that may call Slack or the core after the handler has acknowledged. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  public Candor candor() {
    return candor;
  }

  public ExecutorService background() {
    return background;
  }

  /** The person behind a request, as the core knows people: workspace and user id. */
  public static Actor actor(String teamId, String userId) {
    return new Actor(Platform.SLACK, teamId == null || teamId.isBlank() ? "-" : teamId, userId);
  }

  /**
   * Runs one command of the core's language for a button or a form, answering domain refusals (a
   * participant using a moderator's action, a second vote) as one-line errors.
   *
   * @param channelId where the person clicked; null outside a conversation (App Home, modals)
   */
  public Reply run(Actor actor, String channelId, Command command) {
    ChannelRef where =
        new ChannelRef(
            Platform.SLACK, channelId == null || channelId.isBlank() ? NO_CHANNEL : channelId);
    try {
      return candor.commands().run(new CommandContext(actor, where), command);
    } catch (CandorException e) {
      return new Reply.Error(e.getMessage());
    } catch (RuntimeException e) {
      log.error("slack action failed unexpectedly: {}", e.getClass().getName());
      return new Reply.Error("Something went wrong on Candor's side. Please try again.");
    }
  }

  /** Runs {@code work} after the acknowledgement; {@code what} names it in a failure's log line. */
  public void later(String what, Work work) {
    try {
      background.execute(
          () -> {
            try {
              work.run();
            } catch (Exception e) {
              log.warn("slack {} failed after acknowledging: {}", what, e.getClass().getName());
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("slack {} dropped: the adapter is shutting down", what);
    }
  }

  /**
   * Answers the person who clicked, privately: an ephemeral message through the action's
   * response_url when there is one (messages), else a direct message from the bot (App Home,
   * modals).
   */
  public void tell(ActionContext ctx, String userId, SlackMessage message)
      throws IOException, SlackApiException {
    if (ctx.getResponseUrl() != null) {
      ctx.respond(
          ActionResponse.builder()
              .responseType("ephemeral")
              .replaceOriginal(false)
              .text(message.text())
              .blocks(blocksOrNull(message))
              .build());
      return;
    }
    MethodsClient client = ctx.client();
    String dm =
        check("conversations.open", client.conversationsOpen(r -> r.users(List.of(userId))))
            .getChannel()
            .getId();
    check(
        "chat.postMessage",
        client.chatPostMessage(
            r -> r.channel(dm).text(message.text()).blocks(blocksOrNull(message))));
  }

  /** One escaped line as a private answer. */
  public void tell(ActionContext ctx, String userId, String text)
      throws IOException, SlackApiException {
    tell(ctx, userId, new SlackMessage(SlackText.escape(text), List.of()));
  }

  /** Slack refuses an empty block list; a text-only message sends none. */
  public static List<com.slack.api.model.block.LayoutBlock> blocksOrNull(SlackMessage m) {
    return m.blocks().isEmpty() ? null : m.blocks();
  }

  /** Opens a modal for a trigger; must run within three seconds of the trigger. */
  public static void open(MethodsClient client, String triggerId, View view)
      throws IOException, SlackApiException {
    check("views.open", client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
  }

  /** Fails on a Web API error, naming the method and Slack's error code only. */
  public static <T extends SlackApiTextResponse> T check(String method, T response) {
    if (!response.isOk()) {
      throw new IllegalStateException(method + " failed: " + response.getError());
    }
    return response;
  }
}
