package dev.candor.bench.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bench.http.LoadGenerator;
import java.util.Map;

/**
 * The activity Teams sends when someone clicks the vote button (an Adaptive Card {@code
 * Action.Submit}) on the board in a channel: a {@code message} activity with the button's data as
 * its {@code value} and no text. Each click comes from its own person.
 */
public final class TeamsRequests {
  public static final String PATH = "/api/messages";
  public static final String TENANT = "tenant-bench";
  public static final String CHANNEL = "19:townhall@thread.tacv2";
  public static final String BOT_ID = "28:candor-bench";

  private TeamsRequests() {}

  /** The Entra object id of voter {@code n}. */
  public static String voter(long n) {
    return String.format("aad-voter-%08d", n);
  }

  /**
   * The {@code conversationUpdate} Teams sends when the app is added to the team, so that Candor
   * knows how to reach the channel before the session opens.
   */
  public static byte[] installed(int port, String serviceUrl) {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("type", "conversationUpdate");
    a.put("id", "installed-1");
    a.put("serviceUrl", serviceUrl);
    a.put("channelId", "msteams");
    a.putObject("from").put("id", "29:aad-organizer").put("aadObjectId", "aad-organizer");
    a.putObject("conversation")
        .put("isGroup", true)
        .put("conversationType", "channel")
        .put("tenantId", TENANT)
        .put("id", CHANNEL);
    a.putObject("recipient").put("id", BOT_ID).put("name", "Candor");
    a.putArray("membersAdded").addObject().put("id", BOT_ID);
    ObjectNode channelData = a.putObject("channelData");
    channelData.putObject("tenant").put("id", TENANT);
    channelData.putObject("channel").put("id", CHANNEL).put("name", "General");
    channelData.putObject("team").put("id", CHANNEL).put("name", "Town hall");
    channelData.put("eventType", "teamMemberAdded");
    return LoadGenerator.post(
        port, PATH, Map.of("Content-Type", "application/json; charset=utf-8"), a.toString());
  }

  /** The request bytes of voter {@code n} clicking vote on {@code questionCode}. */
  public static byte[] vote(int port, String serviceUrl, long n, String questionCode) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode a = json.objectNode();
    a.put("type", "message");
    a.put("id", "incoming-" + n);
    a.put("timestamp", "2026-03-02T09:00:00.000Z");
    a.put("serviceUrl", serviceUrl);
    a.put("channelId", "msteams");
    a.putObject("from")
        .put("id", "29:" + voter(n))
        .put("name", "Voter " + n)
        .put("aadObjectId", voter(n));
    a.putObject("conversation")
        .put("isGroup", true)
        .put("conversationType", "channel")
        .put("tenantId", TENANT)
        .put("id", CHANNEL + ";messageid=1700000000000");
    a.putObject("recipient").put("id", BOT_ID).put("name", "Candor");
    ObjectNode channelData = a.putObject("channelData");
    channelData.putObject("tenant").put("id", TENANT);
    channelData.putObject("channel").put("id", CHANNEL).put("name", "General");
    channelData.putObject("team").put("id", CHANNEL).put("name", "Town hall");
    a.put("replyToId", "1700000000000");
    a.putObject("value").put("action", "vote").put("question", questionCode);
    a.put("locale", "en-US");
    return LoadGenerator.post(
        port, PATH, Map.of("Content-Type", "application/json; charset=utf-8"), a.toString());
  }
}
