package dev.candor.bench.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.bench.http.LoadGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's {@code block_actions} request for a click on a board's upvote button, as Slack sends it:
 * a form with one {@code payload} field, signed with v0 (hex HMAC-SHA256 of {@code
 * v0:<timestamp>:<body>} under the signing secret). Each click has its own user and trigger id.
 */
public final class SlackRequests {
  public static final String SECRET = "8f742231b10e8888abcd99benchzzz85a5";
  public static final String BOT_TOKEN = "xoxb-candor-bench";
  public static final String CHANNEL = "C0TOWNHALL";
  public static final String PATH = "/slack/events";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackRequests() {}

  /** The Slack user id of voter {@code n}. */
  public static String voter(long n) {
    return String.format("UV%08d", n);
  }

  /** The signed request bytes of voter {@code n} clicking upvote on {@code questionCode}. */
  public static byte[] upvote(int port, FakeSlackWebApi api, long n, String questionCode) {
    String body = upvoteBody(api.responseUrl((int) n), voter(n), "trigger-" + n, questionCode);
    long ts = Instant.now().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("X-Slack-Request-Timestamp", Long.toString(ts));
    headers.put("X-Slack-Signature", sign(SECRET, ts, body));
    return LoadGenerator.post(port, PATH, headers, body);
  }

  static String upvoteBody(String responseUrl, String user, String triggerId, String code) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "block_actions");
    p.put("token", "legacy");
    p.put("team", Map.of("id", FakeSlackWebApi.TEAM, "domain", "candor"));
    p.put("user", Map.of("id", user, "team_id", FakeSlackWebApi.TEAM));
    p.put("api_app_id", "A0CANDOR");
    p.put("trigger_id", triggerId);
    p.put(
        "container",
        Map.of("type", "message", "message_ts", "1767225600.000001", "channel_id", CHANNEL));
    p.put("channel", Map.of("id", CHANNEL, "name", "town-hall"));
    p.put("message", Map.of("ts", "1767225600.000001", "type", "message", "text", "board"));
    p.put("response_url", responseUrl);
    p.put(
        "actions",
        List.of(
            Map.of(
                "action_id",
                Ids.Board.UPVOTE,
                "block_id",
                "board",
                "type",
                "button",
                "value",
                code,
                "action_ts",
                "1767225600.000100")));
    try {
      return "payload=" + URLEncoder.encode(JSON.writeValueAsString(p), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
