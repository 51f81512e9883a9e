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
import java.util.concurrent.CompletableFuture;

/**
 * Candor's Teams bot: messages typed to it, buttons and dialogs, and installation events. Each
 * handler reads the activity, hands it to the class that owns that kind of payload, and sends what
 * comes back; conversation references are remembered on the way in.
 */
public final class CandorBot extends TeamsActivityHandler {
  private final TeamsConversations conversations;
  private final ChatCommands chat;
  private final TaskModules taskModules;

  public CandorBot(Candor candor) {
    CommandRunner runner = new CommandRunner(candor);
    this.conversations = new TeamsConversations(candor.storage());
    this.chat = new ChatCommands(runner);
    this.taskModules = new TaskModules(runner);
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
    return turn.sendActivity(Cards.message(card, "Candor")).thenApply(sent -> null);
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
