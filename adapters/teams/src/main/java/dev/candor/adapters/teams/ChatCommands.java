package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Entity;
import dev.candor.core.CandorException;
import dev.candor.core.command.Command;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.HelpText;
import dev.candor.core.command.Reply;
import java.util.Locale;
import java.util.Set;

/**
 * Commands typed to the bot: {@code @Candor <command>} in a channel or group chat, plain text in a
 * 1:1 chat. In a 1:1 chat every reply goes back inline, to that person only. In a channel only
 * replies that reveal nothing about who asked or voted are posted: {@code ask} is refused before
 * anything is read (a channel message is visible to everyone and kept in mailboxes) and points to
 * the private dialog; votes, withdrawals, summaries and exports point to private surfaces.
 */
final class ChatCommands {
  static final String ASK_IN_CHANNEL =
      "A question typed in a channel is visible to everyone there and kept in everyone's mailbox,"
          + " so Candor did not take it. Use the Ask anonymously button: only Candor receives what"
          + " you write in that dialog.";
  static final String PRIVATE_IN_CHANNEL =
      "Votes and withdrawals are private: use the buttons on the board, or message me in a 1:1"
          + " chat.";
  static final String MODERATORS_IN_CHANNEL =
      "Summaries and exports are for moderators and come privately: message me in a 1:1 chat,"
          + " e.g. summary s1.";
  static final String PRIVATE_ANSWER =
      "That answer is private, so it is not posted here: message me in a 1:1 chat.";
  static final String SCHEDULE_IN_CHAT =
      "Schedule a session from the channel it is for (@Candor schedule … or the Schedule a"
          + " session button there), or name the channels: schedule … channels teams:<channel id>.";

  private static final Set<String> PRIVATE_VERBS = Set.of("vote", "unvote", "withdraw");
  private static final Set<String> MODERATOR_VERBS = Set.of("summary", "export");

  private final CommandRunner runner;

  ChatCommands(CommandRunner runner) {
    this.runner = runner;
  }

  /** The card to answer with. */
  ObjectNode reply(Activity incoming) {
    boolean personal = TeamsActivities.isPersonal(incoming);
    String text = clean(personal ? incoming.getText() : withoutBotMention(incoming));
    CommandContext ctx =
        new CommandContext(TeamsActivities.actor(incoming), TeamsActivities.channel(incoming));
    return personal ? personal(ctx, text) : inChannel(ctx, text);
  }

  /**
   * The text with Candor's own @mention taken out, literally. The SDK's {@code
   * removeRecipientMentionImmutable} reads each mention as a regular expression and fails on a
   * mention without text or name; any sender can write those.
   */
  static String withoutBotMention(Activity a) {
    String text = a.getText() == null ? "" : a.getText();
    String bot = a.getRecipient() == null ? null : a.getRecipient().getId();
    if (text.isEmpty() || bot == null || a.getEntities() == null) {
      return text;
    }
    for (Entity e : a.getEntities()) {
      if (e == null || !"mention".equalsIgnoreCase(e.getType())) {
        continue;
      }
      JsonNode mentioned = e.getProperties().get("mentioned");
      if (mentioned == null || !bot.equals(mentioned.path("id").asText(null))) {
        continue;
      }
      JsonNode shown = e.getProperties().get("text");
      String mention =
          shown != null && shown.isTextual() && !shown.asText().isEmpty()
              ? shown.asText()
              : "<at>" + mentioned.path("name").asText("") + "</at>";
      text = text.replace(mention, "").trim();
    }
    return text;
  }

  private ObjectNode personal(CommandContext ctx, String text) {
    if (text.isEmpty()) {
      return TeamsReplyRenderer.help(Cards.card(), HelpText.text());
    }
    Command command;
    try {
      command = runner.parse(text);
    } catch (CandorException e) {
      return TeamsReplyRenderer.render(new Reply.Error(e.getMessage()));
    }
    if (command instanceof Command.Schedule s && s.channels().isEmpty()) {
      // A 1:1 chat is no audience: its address names a person. Only an organizer is told where to
      // schedule instead; anyone else learns that scheduling is not for them.
      String refusal = runner.schedulingRefusal(ctx.actor()).orElse(SCHEDULE_IN_CHAT);
      return TeamsReplyRenderer.render(new Reply.Error(refusal));
    }
    return TeamsReplyRenderer.render(runner.run(ctx, command));
  }

  private ObjectNode inChannel(CommandContext ctx, String text) {
    String verb = firstWord(text);
    if (text.isEmpty()) {
      return TeamsReplyRenderer.help(
          TeamsReplyRenderer.line("Candor: ask leadership anything, anonymously.", null),
          "Commands: @Candor help · questions · sessions");
    } else if (verb.equals("ask")) {
      return TeamsReplyRenderer.line(
          ASK_IN_CHANNEL, Cards.privately("Ask anonymously", Cards.data(CardIds.ASK)));
    } else if (PRIVATE_VERBS.contains(verb)) {
      return TeamsReplyRenderer.line(PRIVATE_IN_CHANNEL, null);
    } else if (MODERATOR_VERBS.contains(verb)) {
      return TeamsReplyRenderer.line(MODERATORS_IN_CHANNEL, null);
    }
    Command command;
    try {
      command = runner.parse(text);
    } catch (CandorException e) {
      return TeamsReplyRenderer.render(new Reply.Error(e.getMessage()));
    }
    Reply reply = runner.run(ctx, command);
    if (reply instanceof Reply.QuestionList q) {
      // The public board only: never the asker's votes or waiting questions.
      return TeamsBoardRenderer.render(q.view().board());
    } else if (reply instanceof Reply.Asked
        || reply instanceof Reply.Summary
        || reply instanceof Reply.File) {
      return TeamsReplyRenderer.line(PRIVATE_ANSWER, null);
    }
    return TeamsReplyRenderer.render(reply);
  }

  /** Text as typed, without the non-breaking spaces and line breaks Teams adds around mentions. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&nbsp;", " ").replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }

  private static String firstWord(String text) {
    int space = text.indexOf(' ');
    return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
