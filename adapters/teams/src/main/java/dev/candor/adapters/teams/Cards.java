package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;

/**
 * Adaptive Card building blocks as Jackson trees. Every TextBlock's text goes through {@link
 * CardText#escape}; emphasis comes from TextBlock properties, never from Markdown, so no text —
 * Candor's own included — is read as markup.
 */
final class Cards {
  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String VERSION = "1.4";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Cards() {}

  /** An empty card; add elements to {@link #body}. */
  static ObjectNode card() {
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", VERSION);
    card.putArray("body");
    return card;
  }

  /** A card inside another (Action.ShowCard): no schema or version of its own. */
  static ObjectNode nested() {
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.putArray("body");
    return card;
  }

  static ArrayNode body(ObjectNode card) {
    return (ArrayNode) card.get("body");
  }

  static ArrayNode actions(ObjectNode card) {
    return card.has("actions") ? (ArrayNode) card.get("actions") : card.putArray("actions");
  }

  /** A wrapping TextBlock; {@code text} is escaped. */
  static ObjectNode text(String text) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "TextBlock");
    block.put("text", CardText.escape(text));
    block.put("wrap", true);
    return block;
  }

  static ObjectNode heading(String text) {
    return text(text).put("weight", "Bolder").put("size", "Medium");
  }

  static ObjectNode subtle(String text) {
    return text(text).put("isSubtle", true).put("size", "Small").put("spacing", "None");
  }

  static ObjectNode error(String text) {
    return text(text).put("color", "Attention");
  }

  static ObjectNode monospace(String text) {
    return text(text).put("fontType", "Monospace").put("size", "Small");
  }

  static ObjectNode container(ObjectNode... items) {
    ObjectNode container = JSON.objectNode();
    container.put("type", "Container");
    ArrayNode list = container.putArray("items");
    for (ObjectNode item : items) {
      list.add(item);
    }
    return container;
  }

  static ObjectNode actionSet(ObjectNode... actions) {
    ObjectNode set = JSON.objectNode();
    set.put("type", "ActionSet");
    ArrayNode list = set.putArray("actions");
    for (ObjectNode a : actions) {
      list.add(a);
    }
    return set;
  }

  /** An Action.Submit that sends {@code data} with the dialog's inputs (task/submit). */
  static ObjectNode submit(String title, ObjectNode data) {
    ObjectNode action = JSON.objectNode();
    action.put("type", "Action.Submit");
    action.put("title", title);
    action.set("data", data);
    return action;
  }

  /**
   * An Action.Submit that Teams turns into a {@code task/fetch} invoke: the bot answers only the
   * person who clicked, with a dialog or a one-line message, so nothing lands in the chat.
   */
  static ObjectNode privately(String title, ObjectNode data) {
    ObjectNode withTask = data.deepCopy();
    withTask.putObject("msteams").put("type", "task/fetch");
    return submit(title, withTask);
  }

  static ObjectNode showCard(String title, ObjectNode card) {
    ObjectNode action = JSON.objectNode();
    action.put("type", "Action.ShowCard");
    action.put("title", title);
    action.set("card", card);
    return action;
  }

  /** Card data naming an action, e.g. {@code {"action": "vote", "question": "q7kdm"}}. */
  static ObjectNode data(String action, String key, String value) {
    ObjectNode data = JSON.objectNode().put(CardIds.ACTION, action);
    if (key != null && value != null) {
      data.put(key, value);
    }
    return data;
  }

  static ObjectNode data(String action) {
    return data(action, null, null);
  }

  static Attachment attachment(ObjectNode card) {
    Attachment attachment = new Attachment();
    attachment.setContentType(CONTENT_TYPE);
    attachment.setContent(card);
    return attachment;
  }

  /** A message activity carrying the card, with a plain-text summary for notifications. */
  static Activity message(ObjectNode card, String summary) {
    Activity activity =
        MessageFactory.attachment(attachment(fit(card, TeamsBoardRenderer.MAX_BYTES)));
    activity.setSummary(summary);
    return activity;
  }

  /**
   * The safety net for any card: drops body elements from the end, with a note, until the card is
   * under {@code maxBytes}. Renderers that can paginate sensibly (the board) do so first.
   */
  static ObjectNode fit(ObjectNode card, int maxBytes) {
    if (bytes(card) <= maxBytes) {
      return card;
    }
    ArrayNode body = body(card);
    ObjectNode note = subtle("Cut to fit one Teams message.");
    while (body.size() > 1 && bytes(card) + bytes(note) > maxBytes) {
      body.remove(body.size() - 1);
    }
    body.add(note);
    return card;
  }

  /**
   * The card's size as Teams counts a message: its JSON encoded as UTF-16 (Teams refuses messages
   * over about 100 KB and advises staying within 80 KB).
   */
  static int bytes(ObjectNode card) {
    try {
      return MAPPER.writeValueAsString(card).length() * 2;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a card could not be written as JSON", e);
    }
  }
}
