package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TaskModuleContinueResponse;
import com.microsoft.bot.schema.teams.TaskModuleMessageResponse;
import com.microsoft.bot.schema.teams.TaskModuleResponse;
import com.microsoft.bot.schema.teams.TaskModuleTaskInfo;
import dev.candor.core.CandorException;
import dev.candor.core.command.Command;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionView;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons and dialogs (Teams task modules). A button sends {@code task/fetch}: votes and moderator
 * actions run at once and answer with a one-line message only the clicker sees; "Ask anonymously",
 * "Schedule a session" and "Merge into…" open a dialog, the last two only for those the core lets
 * schedule or merge (anyone else gets its one-line refusal instead). A dialog's {@code task/submit}
 * runs the command; a refusal shows the dialog again with the one-line reason and what was typed.
 */
final class TaskModules {
  private static final Logger log = LoggerFactory.getLogger(TaskModules.class);
  static final String OUT_OF_DATE = "This button is out of date. Message me: help";
  static final String NO_SESSION = "No session takes questions right now. See: sessions";

  private final CommandRunner runner;
  private final ScheduleForm scheduleForm;

  TaskModules(CommandRunner runner) {
    this.runner = runner;
    this.scheduleForm = new ScheduleForm(runner.candor().clock(), runner.candor().settings());
  }

  TaskModuleResponse fetch(Activity activity, JsonNode data) {
    try {
      CommandContext ctx = context(activity);
      String question = data.path(CardIds.QUESTION).asText("");
      return switch (data.path(CardIds.ACTION).asText("")) {
        case CardIds.ASK -> askDialog(ctx, data.path(CardIds.SESSION).asText(null), null, null);
        case CardIds.SCHEDULE -> scheduleDialog(ctx);
        case CardIds.MERGE ->
            // Like Slack's menu: the dialog opens for the question's moderators only.
            runner
                .mergeRefusal(ctx.actor(), question)
                .map(TaskModules::message)
                .orElseGet(() -> dialog("Merge", DialogCards.merge(question, null, null)));
        case CardIds.VOTE, CardIds.UNVOTE, CardIds.HIDE, CardIds.ANSWER ->
            message(CommandRunner.oneLine(button(ctx, data)));
        default -> message(OUT_OF_DATE);
      };
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  TaskModuleResponse submit(Activity activity, JsonNode data) {
    try {
      CommandContext ctx = context(activity);
      return switch (data.path(CardIds.ACTION).asText("")) {
        case CardIds.ASK -> submitAsk(ctx, data);
        case CardIds.SCHEDULE -> submitSchedule(ctx, data);
        case CardIds.MERGE -> submitMerge(ctx, data);
        default -> message(OUT_OF_DATE);
      };
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  /** A button clicked on a card that came as a plain message (no task module): one line back. */
  String perform(Activity activity, JsonNode data) {
    return CommandRunner.oneLine(button(context(activity), data));
  }

  private Reply button(CommandContext ctx, JsonNode data) {
    QuestionId q;
    try {
      q = QuestionId.parse(data.path(CardIds.QUESTION).asText(""));
    } catch (CandorException e) {
      return new Reply.Text(OUT_OF_DATE);
    }
    Command command =
        switch (data.path(CardIds.ACTION).asText("")) {
          case CardIds.VOTE -> new Command.Vote(q);
          case CardIds.UNVOTE -> new Command.Unvote(q);
          case CardIds.HIDE -> new Command.Hide(q, Optional.empty());
          case CardIds.ANSWER -> new Command.Answer(q, Optional.empty());
          default -> null;
        };
    return command == null ? new Reply.Text(OUT_OF_DATE) : runner.run(ctx, command);
  }

  private TaskModuleResponse submitAsk(CommandContext ctx, JsonNode data) {
    String session = data.path(CardIds.SESSION).asText("");
    String text = data.path(CardIds.TEXT).asText("");
    Reply reply;
    try {
      reply = runner.run(ctx, new Command.Ask(Optional.of(SessionId.parse(session)), text));
    } catch (CandorException e) {
      reply = new Reply.Error(session.isBlank() ? "Pick a session." : e.getMessage());
    }
    return reply instanceof Reply.Error e
        ? askDialog(ctx, session, text, e.text())
        : message(CommandRunner.oneLine(reply));
  }

  /** The schedule dialog for organizers in a channel; a one-line refusal for anyone else. */
  private TaskModuleResponse scheduleDialog(CommandContext ctx) {
    Optional<String> refusal = runner.schedulingRefusal(ctx.actor());
    if (refusal.isPresent()) {
      return message(refusal.get());
    }
    return ctx.channel().equals(TeamsActivities.PERSONAL_CHAT)
        ? message(ChatCommands.SCHEDULE_IN_CHAT)
        : dialog("Schedule a session", DialogCards.schedule(scheduleForm.defaults(), null));
  }

  private TaskModuleResponse submitSchedule(CommandContext ctx, JsonNode data) {
    if (ctx.channel().equals(TeamsActivities.PERSONAL_CHAT)) {
      return message(runner.schedulingRefusal(ctx.actor()).orElse(ChatCommands.SCHEDULE_IN_CHAT));
    }
    Reply reply;
    try {
      reply = runner.run(ctx, scheduleForm.command(data));
    } catch (CandorException e) {
      reply = new Reply.Error(e.getMessage());
    }
    return reply instanceof Reply.Error e
        ? dialog("Schedule a session", DialogCards.schedule(ScheduleForm.draft(data), e.text()))
        : message(CommandRunner.oneLine(reply));
  }

  private TaskModuleResponse submitMerge(CommandContext ctx, JsonNode data) {
    String question = data.path(CardIds.QUESTION).asText("");
    String into = data.path(CardIds.INTO).asText("");
    Reply reply;
    try {
      reply =
          runner.run(ctx, new Command.Merge(QuestionId.parse(question), QuestionId.parse(into)));
    } catch (CandorException e) {
      reply = new Reply.Error(e.getMessage());
    }
    return reply instanceof Reply.Error e
        ? dialog("Merge", DialogCards.merge(question, into, e.text()))
        : message(CommandRunner.oneLine(reply));
  }

  /** The ask dialog over the sessions taking questions, this channel's first. */
  private TaskModuleResponse askDialog(
      CommandContext ctx, String selected, String draft, String error) {
    ChannelRef here = ctx.channel();
    List<SessionView> open =
        runner.candor().sessions().current().stream()
            .filter(s -> s.state().takesQuestions())
            .map(SessionView::of)
            .sorted(Comparator.comparing((SessionView s) -> !s.audience().contains(here)))
            .toList();
    if (open.isEmpty()) {
      return message(NO_SESSION);
    }
    return dialog("Ask anonymously", DialogCards.ask(open, selected, draft, error));
  }

  private static CommandContext context(Activity activity) {
    return new CommandContext(TeamsActivities.actor(activity), TeamsActivities.channel(activity));
  }

  static TaskModuleResponse dialog(String title, ObjectNode card) {
    TaskModuleTaskInfo info = new TaskModuleTaskInfo();
    info.setTitle(title);
    info.setWidth("medium");
    info.setHeight("medium");
    info.setCard(Cards.attachment(Cards.fit(card, TeamsBoardRenderer.MAX_BYTES)));
    TaskModuleContinueResponse task = new TaskModuleContinueResponse();
    task.setValue(info);
    TaskModuleResponse response = new TaskModuleResponse();
    response.setTask(task);
    return response;
  }

  static TaskModuleResponse message(String text) {
    TaskModuleMessageResponse task = new TaskModuleMessageResponse();
    task.setValue(text);
    TaskModuleResponse response = new TaskModuleResponse();
    response.setTask(task);
    return response;
  }

  private static TaskModuleResponse failed(RuntimeException e) {
    log.error("a Teams button or dialog failed unexpectedly: {}", e.getClass().getName());
    return message(CommandRunner.APOLOGY);
  }
}
