package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.question.QuestionId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities as Teams sends them (channel id {@code msteams}), as JSON text, with the service URL
 * of the fake connector. Users are named; their Teams and Entra ids derive from the name.
 */
public final class TeamsActivityJson {
  public static final String TENANT = "tenant-1";
  public static final String CHANNEL = "19:general@thread.tacv2";
  public static final String BOT_ID = "28:candor-bot";
  public static final String BOT_NAME = "Candor";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final AtomicInteger IDS = new AtomicInteger();

  private final String serviceUrl;

  public TeamsActivityJson(String serviceUrl) {
    this.serviceUrl = serviceUrl;
  }

  /** A person: Teams user id {@code 29:<name>}, Entra object id {@code aad-<name>}. */
  public record User(String name) {
    public String teamsId() {
      return "29:" + name;
    }

    public String aadObjectId() {
      return "aad-" + name;
    }

    /** The id of this person's 1:1 chat with the bot. */
    public String personalChat() {
      return "a:personal-" + name;
    }
  }

  public static User user(String name) {
    return new User(name);
  }

  /** A message typed in the 1:1 chat with the bot. */
  public String personal(User from, String text) {
    ObjectNode a = base("message", from, personalConversation(from));
    a.put("text", text);
    return a.toString();
  }

  /** {@code @Candor <text>} in the channel, with the bot's mention entity as Teams sends it. */
  public String channel(User from, String text) {
    ObjectNode a = base("message", from, channelConversation());
    String mention = "<at>" + BOT_NAME + "</at>";
    a.put("text", mention + " " + text);
    ObjectNode entity = a.putArray("entities").addObject();
    entity.put("type", "mention");
    entity.put("text", mention);
    entity.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
    return a.toString();
  }

  /** A {@code task/fetch} or {@code task/submit} invoke with {@code data}. */
  public String invoke(String name, User from, boolean inChannel, JsonNode data) {
    ObjectNode a =
        base("invoke", from, inChannel ? channelConversation() : personalConversation(from));
    a.put("name", name);
    ObjectNode value = a.putObject("value");
    value.put("type", name);
    value.set("data", data);
    value.putObject("context").put("theme", "default");
    return a.toString();
  }

  /** The bot was added to the team: Teams sends this in the General channel. */
  public String installedInChannel(User by) {
    ObjectNode a = base("conversationUpdate", by, channelConversation());
    a.putArray("membersAdded").addObject().put("id", BOT_ID);
    ((ObjectNode) a.get("channelData")).put("eventType", "teamMemberAdded");
    return a.toString();
  }

  /** A card button that Teams sent as a plain message with the button's data. */
  String cardSubmitMessage(User from, boolean inChannel, JsonNode data) {
    ObjectNode a =
        base("message", from, inChannel ? channelConversation() : personalConversation(from));
    a.set("value", data);
    return a.toString();
  }

  static ObjectNode data(String action) {
    return JSON.objectNode().put(CardIds.ACTION, action);
  }

  /** What a question's button sends, e.g. Hide on the board. */
  static ObjectNode data(String action, QuestionId question) {
    return data(action).put(CardIds.QUESTION, question.toString());
  }

  /**
   * What the schedule dialog sends, filled in: {@code title} on 2026-03-05 at 15:00 in {@code zone}
   * for 45 minutes, moderated by {@code aad-mod-1} and {@code aad-mod-2}, with k = 4.
   */
  static ObjectNode scheduleDialog(String title, String zone) {
    return data(CardIds.SCHEDULE)
        .put(CardIds.TITLE, title)
        .put(CardIds.DATE, "2026-03-05")
        .put(CardIds.TIME, "15:00")
        .put(CardIds.ZONE, zone)
        .put(CardIds.MINUTES, "45")
        .put(CardIds.MODERATORS, "aad-mod-1,aad-mod-2")
        .put(CardIds.MIN_ASKERS, "4");
  }

  private ObjectNode base(String type, User from, ObjectNode conversation) {
    ObjectNode a = JSON.objectNode();
    a.put("type", type);
    a.put("id", "incoming-" + IDS.incrementAndGet());
    a.put("timestamp", "2026-03-02T09:00:00.000Z");
    a.put("serviceUrl", serviceUrl);
    a.put("channelId", "msteams");
    a.putObject("from")
        .put("id", from.teamsId())
        .put("name", "Name of " + from.name())
        .put("aadObjectId", from.aadObjectId());
    a.set("conversation", conversation);
    a.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
    ObjectNode channelData = a.putObject("channelData");
    channelData.putObject("tenant").put("id", TENANT);
    if (conversation.path("conversationType").asText().equals("channel")) {
      channelData.putObject("channel").put("id", CHANNEL).put("name", "General");
      channelData.putObject("team").put("id", CHANNEL).put("name", "Finance");
    }
    a.put("locale", "en-US");
    return a;
  }

  private static ObjectNode personalConversation(User user) {
    return JSON.objectNode()
        .put("conversationType", "personal")
        .put("tenantId", TENANT)
        .put("id", user.personalChat());
  }

  private static ObjectNode channelConversation() {
    return JSON.objectNode()
        .put("isGroup", true)
        .put("conversationType", "channel")
        .put("tenantId", TENANT)
        .put("id", CHANNEL + ";messageid=1700000000000");
  }
}
