package dev.candor.adapters.slack;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.request.builtin.WorkflowStepSaveRequest;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode, free of any HTTP server: the launcher hands in what arrived at {@code POST
 * /slack/events} and writes back what this returns. Requests that are not signed with the signing
 * secret, or whose timestamp is more than five minutes off in either direction, are refused with
 * 401 before anything reads them; the rest run through Bolt ({@link SlackRequestParser}, then
 * {@link App#run}). A signed request that cannot be read (bad encoding, malformed JSON, a field
 * missing or of the wrong type, state Candor did not write) gets 400, never a 5xx.
 *
 * <pre>{@code
 * javalin.post("/slack/events", ctx -> {
 *   SlackHttpHandler.Response r = slack.httpHandler().handle(
 *       "POST", ctx.path(), ctx.queryString(), headers(ctx), ctx.body());
 *   r.headers().forEach((name, values) -> values.forEach(v -> ctx.header(name, v)));
 *   ctx.status(r.status()).result(r.body());
 * });
 * }</pre>
 */
public final class SlackHttpHandler {
  private static final Logger log = LoggerFactory.getLogger(SlackHttpHandler.class);
  private static final String REFUSED = "{\"error\":\"invalid request\"}";
  private static final String UNREADABLE = "{\"error\":\"malformed request\"}";

  private final App app;
  private final SlackRequestParser parser;
  private final SignatureCheck signatures;

  SlackHttpHandler(App app, SignatureCheck signatures) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signatures = signatures;
  }

  /**
   * What to answer Slack.
   *
   * @param headers response headers, e.g. {@code Content-Type}
   */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public Response {
      headers = Map.copyOf(headers);
      body = body == null ? "" : body;
    }

    static Response json(int status, String body) {
      return new Response(status, Map.of("Content-Type", List.of("application/json")), body);
    }
  }

  /**
   * Handles one request.
   *
   * @param method the HTTP method; only POST is accepted
   * @param path the request path, e.g. {@code /slack/events}
   * @param query the raw query string, or null
   * @param headers the request headers, names in any case
   * @param body the raw body, exactly as received (the signature covers it)
   */
  public Response handle(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    if (!"POST".equalsIgnoreCase(method)) {
      return new Response(405, Map.of("Allow", List.of("POST")), "");
    }
    RequestHeaders h = new RequestHeaders(headers == null ? Map.of() : headers);
    String raw = body == null ? "" : body;
    if (signatures == null
        || !signatures.valid(
            h.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
            raw,
            h.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
      log.info("refused a Slack request with a missing, stale or wrong signature");
      return Response.json(401, REFUSED);
    }
    Request<?> request;
    try {
      request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(path)
                  .queryString(query == null ? Map.of() : QueryStringParser.toMap(query))
                  .headers(h)
                  .requestBody(raw)
                  .build());
    } catch (RuntimeException e) {
      // Bolt reads the whole payload here: bad form encoding, malformed JSON, wrong types.
      return unreadable(e);
    }
    if (!complete(request)) {
      return unreadable(null);
    }
    try {
      return toResponse(app.run(request));
    } catch (IllegalArgumentException | JsonParseException e) {
      // A field missing or not what Candor wrote (a menu value, a modal's metadata), or an event
      // Bolt cannot bind: the request is at fault, not Candor.
      return unreadable(e);
    } catch (Exception e) {
      log.error("a Slack request failed: {}", e.getClass().getName());
      return Response.json(500, "{\"error\":\"internal error\"}");
    }
  }

  private static Response unreadable(RuntimeException e) {
    log.info(
        "refused a Slack request that Candor cannot read: {}",
        e == null ? "a part is missing" : e.getClass().getName());
    return Response.json(400, UNREADABLE);
  }

  /** Bolt itself reads these parts of a payload before any handler can check them. */
  private static boolean complete(Request<?> request) {
    if (request == null) {
      return true;
    }
    return switch (request.getRequestType()) {
      case BlockAction -> {
        List<BlockActionPayload.Action> actions =
            ((BlockActionRequest) request).getPayload().getActions();
        yield actions == null || !actions.contains(null);
      }
      case ViewSubmission -> ((ViewSubmissionRequest) request).getPayload().getView() != null;
      case ViewClosed -> ((ViewClosedRequest) request).getPayload().getView() != null;
      case WorkflowStepSave -> ((WorkflowStepSaveRequest) request).getPayload().getView() != null;
      default -> true;
    };
  }

  private static Response toResponse(com.slack.api.bolt.response.Response r) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (r.getHeaders() != null) {
      headers.putAll(r.getHeaders());
    }
    if (r.getContentType() != null) {
      headers.put("Content-Type", List.of(r.getContentType()));
    }
    return new Response(r.getStatusCode() == null ? 200 : r.getStatusCode(), headers, r.getBody());
  }
}
