package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.CHANNEL;
import static dev.candor.adapters.slack.SlackRig.TEAM;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Slack sends, as maps ready to encode: a slash command's fields, interaction payloads
 * (block_actions, view_submission, shortcut) and event callbacks. Everything happens in {@link
 * SlackRig#CHANNEL} of workspace {@link SlackRig#TEAM}.
 */
public final class Payloads {
  private Payloads() {}

  /** The fields of {@code /candor <text>}: a form over HTTP, a JSON object in Socket Mode. */
  public static Map<String, String> slashCommand(
      String user, String text, String triggerId, String responseUrl) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy");
    f.put("team_id", TEAM);
    f.put("team_domain", "candor");
    f.put("channel_id", CHANNEL);
    f.put("channel_name", "town-hall");
    f.put("user_id", user);
    f.put("user_name", "someone");
    f.put("command", "/candor");
    f.put("text", text);
    f.put("api_app_id", "A0CANDOR");
    f.put("response_url", responseUrl);
    f.put("trigger_id", triggerId);
    return f;
  }

  /** A click in a message of the channel; {@code action} is the clicked element's state. */
  public static Map<String, Object> messageAction(
      String user, String triggerId, String responseUrl, Map<String, Object> action) {
    Map<String, Object> p = interaction("block_actions", user, triggerId);
    p.put(
        "container",
        Map.of("type", "message", "message_ts", "1767225600.000001", "channel_id", CHANNEL));
    p.put("channel", Map.of("id", CHANNEL, "name", "town-hall"));
    p.put("message", Map.of("ts", "1767225600.000001", "type", "message", "text", "board"));
    p.put("response_url", responseUrl);
    p.put("actions", List.of(action));
    return p;
  }

  /** A click on the App Home: no channel, no response_url. */
  static Map<String, Object> homeAction(String user, String triggerId, Map<String, Object> action) {
    Map<String, Object> p = interaction("block_actions", user, triggerId);
    p.put("container", Map.of("type", "view", "view_id", "VHOME"));
    p.put("view", Map.of("id", "VHOME", "type", "home"));
    p.put("actions", List.of(action));
    return p;
  }

  /** Fields as Slack posts them over HTTP: {@code application/x-www-form-urlencoded}. */
  public static String form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append('&');
          }
          sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return sb.toString();
  }

  public static Map<String, Object> button(String actionId, String value) {
    return Map.of("action_id", actionId, "block_id", "b", "type", "button", "value", value);
  }

  static Map<String, Object> overflow(String actionId, String optionValue) {
    return Map.of(
        "action_id",
        actionId,
        "block_id",
        "b",
        "type",
        "overflow",
        "selected_option",
        Map.of("text", Map.of("type", "plain_text", "text", "choice"), "value", optionValue));
  }

  static Map<String, Object> shortcut(String user, String triggerId, String callbackId) {
    Map<String, Object> p = interaction("shortcut", user, triggerId);
    p.put("action_ts", "1767225600.000200");
    p.put("callback_id", callbackId);
    return p;
  }

  static Map<String, Object> viewSubmission(
      String user, String triggerId, String callbackId, String metadata, ViewInput values) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", "V0MODAL");
    view.put("type", "modal");
    view.put("callback_id", callbackId);
    view.put("private_metadata", metadata == null ? "" : metadata);
    view.put("state", Map.of("values", values.values()));
    Map<String, Object> p = interaction("view_submission", user, triggerId);
    p.put("view", view);
    return p;
  }

  /** The event callback of a user opening the App Home tab. */
  static Map<String, Object> homeOpened(String user, String eventId) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("token", "legacy");
    p.put("team_id", TEAM);
    p.put("api_app_id", "A0CANDOR");
    p.put(
        "event",
        Map.of(
            "type", "app_home_opened",
            "user", user,
            "channel", "D0HOME",
            "tab", "home",
            "event_ts", "1767225600.000100"));
    p.put("type", "event_callback");
    p.put("event_id", eventId);
    p.put("event_time", 1767225600);
    p.put(
        "authorizations",
        List.of(Map.of("team_id", TEAM, "user_id", FakeSlackApi.BOT_USER, "is_bot", true)));
    return p;
  }

  private static Map<String, Object> interaction(String type, String user, String triggerId) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", type);
    p.put("token", "legacy");
    p.put("team", Map.of("id", TEAM, "domain", "candor"));
    p.put("user", Map.of("id", user, "team_id", TEAM));
    p.put("api_app_id", "A0CANDOR");
    p.put("trigger_id", triggerId);
    return p;
  }
}
