package dev.candor.adapters.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes each delivery once. Slack redelivers an event it thinks we missed (HTTP header {@code
 * X-Slack-Retry-Num}, or a Socket Mode envelope's {@code retry_attempt}); Bolt only reports the
 * retry count. Deliveries are recognised by the event's {@code event_id} or the interaction's
 * {@code trigger_id}, remembered in a bounded in-memory window; a repeat is acknowledged and
 * dropped. A delivery whose handling fails is forgotten, so that Slack's retry can succeed.
 */
final class Deduplication implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(Deduplication.class);
  private final Map<String, Boolean> seen;

  Deduplication(int capacity) {
    this.seen =
        new LinkedHashMap<>(capacity * 2, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface is declared with a raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String key = key(req);
    if (key == null) {
      return chain.next(req);
    }
    synchronized (seen) {
      if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
        log.debug("a repeated {} delivery was acknowledged and skipped", req.getRequestType());
        return Response.ok();
      }
    }
    boolean handled = false;
    try {
      Response r = chain.next(req);
      handled = r != null && r.getStatusCode() != null && r.getStatusCode() < 500;
      return r;
    } finally {
      if (!handled) {
        synchronized (seen) {
          seen.remove(key);
        }
      }
    }
  }

  /** What identifies one delivery, or null for kinds Slack does not redeliver. */
  static String key(Request<?> req) {
    String id =
        switch (req.getRequestType()) {
          case Event -> eventId(req.getRequestBodyAsString());
          case Command -> ((SlashCommandRequest) req).getPayload().getTriggerId();
          case BlockAction -> ((BlockActionRequest) req).getPayload().getTriggerId();
          case ViewSubmission -> ((ViewSubmissionRequest) req).getPayload().getTriggerId();
          case GlobalShortcut -> ((GlobalShortcutRequest) req).getPayload().getTriggerId();
          default -> null;
        };
    return id == null || id.isBlank() ? null : req.getRequestType() + ":" + id;
  }

  private static String eventId(String body) {
    JsonElement root = JsonParser.parseString(body);
    if (!root.isJsonObject()) {
      return null;
    }
    JsonObject payload = root.getAsJsonObject();
    JsonElement id = payload.get("event_id");
    return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
  }
}
