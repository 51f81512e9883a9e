package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.command.HelpText;
import dev.candor.core.question.QuestionText;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionView;
import java.util.List;

/**
 * The dialogs (task modules) as Adaptive Cards: "Ask anonymously", "Schedule a session" and the
 * moderator's "Merge into". Each can be shown again with the values entered and a one-line error,
 * so a mistake never loses what someone typed.
 */
final class DialogCards {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * {@code choices.data} as the SDK's JacksonAdapter wants it: its flattening serializer turns
   * {@code a.b} into {@code {"a": {"b": …}}} and writes {@code a\.b} as {@code a.b}.
   */
  static final String SDK_ESCAPED_CHOICES_DATA = "choices\\.data";

  private DialogCards() {}

  /**
   * The ask dialog: which session, the question, and plainly who can see what.
   *
   * @param selected the session to preselect, or {@code null}
   */
  static ObjectNode ask(List<SessionView> sessions, String selected, String draft, String error) {
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    body.add(Cards.heading("Ask anonymously"));
    if (error != null) {
      body.add(Cards.error(error));
    }
    ObjectNode choice = input("Input.ChoiceSet", CardIds.SESSION, "Session");
    choice.put("style", "compact").put("isRequired", true).put("errorMessage", "Pick a session.");
    ArrayNode choices = choice.putArray("choices");
    for (SessionView s : sessions) {
      choices.addObject().put("title", s.id() + " · " + s.title()).put("value", s.id().toString());
    }
    String value =
        selected != null ? selected : sessions.isEmpty() ? null : sessions.get(0).id().toString();
    if (value != null) {
      choice.put("value", value);
    }
    body.add(choice);
    ObjectNode text = input("Input.Text", CardIds.TEXT, "Your question");
    text.put("isMultiline", true)
        .put("maxLength", QuestionText.MAX)
        .put("isRequired", true)
        .put("errorMessage", "Write your question.")
        .put("placeholder", "What would you like to ask?");
    if (draft != null) {
      text.put("value", draft);
    }
    body.add(text);
    body.add(Cards.subtle(HelpText.WHO_SEES_WHAT));
    Cards.actions(card).add(Cards.submit("Ask anonymously", Cards.data(CardIds.ASK)));
    return card;
  }

  /** Values entered in the schedule dialog, to show it again after an error. */
  record ScheduleDraft(
      String title,
      String date,
      String time,
      String zone,
      String minutes,
      String moderators,
      String minAskers) {}

  /** The schedule dialog: title, start date and time, zone, length, moderators and k. */
  static ObjectNode schedule(ScheduleDraft draft, String error) {
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    body.add(Cards.heading("Schedule a session"));
    body.add(Cards.subtle("The session is announced in this channel; intake opens at once."));
    if (error != null) {
      body.add(Cards.error(error));
    }
    body.add(
        withValue(input("Input.Text", CardIds.TITLE, "Title"), draft.title())
            .put("maxLength", NewSession.MAX_TITLE)
            .put("isRequired", true)
            .put("errorMessage", "Give the session a title.")
            .put("placeholder", "Budget Q&A"));
    body.add(
        withValue(input("Input.Date", CardIds.DATE, "Date"), draft.date()).put("isRequired", true));
    body.add(
        withValue(input("Input.Time", CardIds.TIME, "Start time"), draft.time())
            .put("isRequired", true));
    body.add(
        withValue(input("Input.Text", CardIds.ZONE, "Time zone"), draft.zone())
            .put("placeholder", "Europe/Berlin"));
    body.add(
        withValue(input("Input.Number", CardIds.MINUTES, "Length in minutes"), draft.minutes())
            .put("min", 1)
            .put("max", 24 * 60));
    ObjectNode moderators = input("Input.ChoiceSet", CardIds.MODERATORS, "Moderators");
    moderators.put("isMultiSelect", true).putArray("choices");
    // Teams' people picker: the values are the chosen people's Microsoft Entra object ids. The key
    // is "choices.data"; the SDK's serializer reads an unescaped dot as a path, so it is escaped.
    moderators
        .putObject(SDK_ESCAPED_CHOICES_DATA)
        .put("type", "Data.Query")
        .put("dataset", "graph.microsoft.com/users");
    body.add(withValue(moderators, draft.moderators()));
    body.add(
        withValue(
                input(
                    "Input.Number",
                    CardIds.MIN_ASKERS,
                    "k: questions appear once this many people have asked"),
                draft.minAskers())
            .put("min", 3));
    Cards.actions(card).add(Cards.submit("Schedule", Cards.data(CardIds.SCHEDULE)));
    return card;
  }

  /** The moderator's merge dialog for one question. */
  static ObjectNode merge(String question, String into, String error) {
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    body.add(Cards.heading("Merge " + question + " into another question"));
    if (error != null) {
      body.add(Cards.error(error));
    }
    body.add(
        withValue(input("Input.Text", CardIds.INTO, "Merge into (question id)"), into)
            .put("placeholder", "q7kdm")
            .put("isRequired", true));
    body.add(Cards.subtle("Votes are combined; each person still counts once."));
    Cards.actions(card)
        .add(Cards.submit("Merge", Cards.data(CardIds.MERGE, CardIds.QUESTION, question)));
    return card;
  }

  private static ObjectNode input(String type, String id, String label) {
    ObjectNode input = JSON.objectNode();
    input.put("type", type);
    input.put("id", id);
    input.put("label", label);
    return input;
  }

  private static ObjectNode withValue(ObjectNode input, String value) {
    if (value != null && !value.isBlank()) {
      input.put("value", value);
    }
    return input;
  }
}
