package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TaskModuleRequest;
import com.microsoft.bot.schema.teams.TaskModuleResponse;
import dev.candor.core.Candor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's Teams bot: messages typed to it, buttons and dialogs, and installation events. Each
 * handler reads the activity, hands it to the class that owns that kind of payload, and sends what
 * comes back; conversation references are remembered on the way in.
 */
public final class CandorBot extends TeamsActivityHandler {
  private static final Logger log = LoggerFactory.getLogger(CandorBot.class);
  private final TeamsConversations conversations;
  private final ChatCommands chat;
  private final TaskModules taskModules;
  private final Optional<String> tenant;

  /** A bot for any tenant (multi-tenant, or local mode). */
  public CandorBot(Candor candor) {
    this(candor, TeamsSettings.local());
  }

  /**
   * A bot for the settings' tenant, if they name one: activities from other tenants are ignored, so
   * a single-tenant Candor never takes their questions nor stores how to reach them.
   */
  public CandorBot(Candor candor, TeamsSettings settings) {
    CommandRunner runner = new CommandRunner(candor);
    this.conversations = new TeamsConversations(candor.storage());
    this.chat = new ChatCommands(runner);
    this.taskModules = new TaskModules(runner);
    this.tenant = settings.tenantId();
  }

  @Override
  public CompletableFuture<Void> onTurn(TurnContext turn) {
    if (tenant.isPresent() && !tenant.get().equals(TeamsActivities.tenantId(turn.getActivity()))) {
      log.info("ignored a Teams activity from a tenant this Candor does not serve");
      return CompletableFuture.completedFuture(null);
    }
    return super.onTurn(turn);
  }

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
    Activity in = turn.getActivity();
    conversations.remember(in);
    ObjectNode card;
    if (in.getValue() != null && ChatCommands.clean(in.getText()).isEmpty()) {
      // A card button without a task module (older clients): act, and answer only in a 1:1 chat.
      String line = taskModules.perform(in, tree(in.getValue()));
      card = TeamsActivities.isPersonal(in) ? TeamsReplyRenderer.line(line, null) : null;
    } else {
      card = chat.reply(in);
    }
    if (card == null) {
      return CompletableFuture.completedFuture(null);
    }
    return turn.sendActivity(Cards.message(card, "Candor"))
        .handle(
            (sent, failure) -> {
              if (failure != null) {
                // The command has run; failing the request now would only invite Teams to retry
                // and run it again. Class name only: the connector's message can carry the reply.
                log.warn("a reply to a Teams message could not be sent: {}", rootClass(failure));
              }
              return null;
            });
  }

  private static String rootClass(Throwable t) {
    Throwable cause = t;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getName();
  }

  /**
   * Candor handles no events (meeting start and end, ...), and the SDK's own dispatch of them fails
   * on an event without a name.
   */
  @Override
  protected CompletableFuture<Void> onEventActivity(TurnContext turn) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
    // Installed in a team, a channel or a chat: keep how to reach it; members are none of ours.
    conversations.remember(turn.getActivity());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onInstallationUpdate(TurnContext turn) {
    conversations.remember(turn.getActivity());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<TaskModuleResponse> onTeamsTaskModuleFetch(
      TurnContext turn, TaskModuleRequest request) {
    conversations.remember(turn.getActivity());
    return CompletableFuture.completedFuture(
        taskModules.fetch(turn.getActivity(), tree(request == null ? null : request.getData())));
  }

  @Override
  protected CompletableFuture<TaskModuleResponse> onTeamsTaskModuleSubmit(
      TurnContext turn, TaskModuleRequest request) {
    conversations.remember(turn.getActivity());
    return CompletableFuture.completedFuture(
        taskModules.submit(turn.getActivity(), tree(request == null ? null : request.getData())));
  }

  private static JsonNode tree(Object data) {
    return data == null ? JsonNodeFactory.instance.objectNode() : Serialization.objectToTree(data);
  }
}
