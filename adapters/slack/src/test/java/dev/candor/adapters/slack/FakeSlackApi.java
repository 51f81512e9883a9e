package dev.candor.adapters.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Slack's Web API on 127.0.0.1: records every call (method, parameters) and answers
 * like Slack does for {@code auth.test}, {@code chat.postMessage}, {@code chat.update}, {@code
 * chat.postEphemeral}, {@code conversations.open}, {@code views.open|push|update|publish}. It also
 * serves response_urls ({@link #responseUrl()}), recorded as method {@code response_url}.
 *
 * <p>Failures are planned per method: {@link #rateLimitNext} answers HTTP 429 with {@code
 * Retry-After}, {@link #errorNext} answers {@code ok:false} with an error code, {@link
 * #serverErrorNext} answers HTTP 500.
 */
public final class FakeSlackApi implements AutoCloseable {
  public static final String TEAM = "T0CANDOR";
  public static final String BOT_USER = "U0CANDORBOT";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One call as Slack would have received it.
   *
   * @param token the bearer token it carried, or null; tells apart two Candor nodes configured with
   *     different tokens
   * @param at when it arrived
   */
  public record Call(
      String method,
      Map<String, String> params,
      String body,
      int status,
      String answer,
      String token,
      Instant at) {
    public String param(String name) {
      return params.get(name);
    }

    /** What the fake answered, parsed; e.g. the {@code ts} of a posted message. */
    public JsonNode answerJson() {
      try {
        return JSON.readTree(answer);
      } catch (IOException e) {
        throw new AssertionError("the answer is not JSON: " + answer, e);
      }
    }

    /** A parameter that carries JSON (blocks, view), parsed. */
    public JsonNode json(String name) {
      try {
        return JSON.readTree(params.get(name));
      } catch (IOException e) {
        throw new AssertionError("parameter " + name + " is not JSON: " + params.get(name), e);
      }
    }
  }

  private record Planned(int status, Map<String, String> headers, String body, Duration delay) {
    Planned(int status, Map<String, String> headers, String body) {
      this(status, headers, body, Duration.ZERO);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Planned>> planned = new HashMap<>();
  private final AtomicInteger timestamps = new AtomicInteger();
  private final AtomicInteger responseUrls = new AtomicInteger();
  private volatile String socketModeUrl = "ws://127.0.0.1:9/";

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** What the adapter uses as its Web API base URL. */
  public String apiUrl() {
    return base() + "/api/";
  }

  /** A fresh response_url, as Slack puts one into each command and action payload. */
  public String responseUrl() {
    return base() + "/respond/" + responseUrls.incrementAndGet();
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  synchronized void reset() {
    calls.clear();
    planned.clear();
  }

  /** Where {@code apps.connections.open} sends Socket Mode clients. */
  void socketModeUrl(String url) {
    this.socketModeUrl = url;
  }

  /** The next {@code times} calls of {@code method} answer 429 with Retry-After. */
  synchronized FakeSlackApi rateLimitNext(String method, int times, int retryAfterSeconds) {
    for (int i = 0; i < times; i++) {
      plan(
          method,
          new Planned(
              429,
              Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
              "{\"ok\":false,\"error\":\"ratelimited\"}"));
    }
    return this;
  }

  /**
   * The next call of {@code method} is recorded at once but answered (as usual) only after {@code
   * delay}: a slow Slack, with the call in flight meanwhile.
   */
  public synchronized FakeSlackApi slowNext(String method, Duration delay) {
    plan(method, new Planned(200, Map.of(), null, delay));
    return this;
  }

  /** The next call of {@code method} answers {@code ok:false} with {@code error}. */
  public synchronized FakeSlackApi errorNext(String method, String error) {
    plan(method, new Planned(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}"));
    return this;
  }

  synchronized FakeSlackApi serverErrorNext(String method) {
    plan(method, new Planned(500, Map.of(), "<html>oops</html>"));
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void plan(String method, Planned p) {
    planned.computeIfAbsent(method, m -> new ArrayDeque<>()).add(p);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method =
        path.startsWith("/respond/") ? "response_url" : path.substring(path.lastIndexOf('/') + 1);
    Map<String, String> params = params(ex, body);
    Planned answer;
    synchronized (this) {
      Deque<Planned> queue = planned.get(method);
      answer = queue != null && !queue.isEmpty() ? queue.removeFirst() : null;
      if (answer == null) {
        answer = new Planned(200, Map.of(), ok(method, params));
      } else if (answer.body() == null) {
        answer = new Planned(200, Map.of(), ok(method, params), answer.delay());
      }
      calls.add(
          new Call(
              method, params, body, answer.status(), answer.body(), bearer(ex), Instant.now()));
    }
    if (!answer.delay().isZero()) {
      try {
        Thread.sleep(answer.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String bearer(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : null;
  }

  private String ok(String method, Map<String, String> p) {
    return switch (method) {
      case "auth.test" ->
          "{\"ok\":true,\"team_id\":\""
              + TEAM
              + "\",\"user_id\":\""
              + BOT_USER
              + "\",\"bot_id\":\"B0CANDOR\"}";
      case "chat.postMessage" ->
          "{\"ok\":true,\"channel\":\"" + p.get("channel") + "\",\"ts\":\"" + nextTs() + "\"}";
      case "chat.update" ->
          "{\"ok\":true,\"channel\":\"" + p.get("channel") + "\",\"ts\":\"" + p.get("ts") + "\"}";
      case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
      case "conversations.open" ->
          "{\"ok\":true,\"channel\":{\"id\":\"D"
              + p.getOrDefault("users", "X").replace(",", "")
              + "\"}}";
      case "views.open", "views.push", "views.update", "views.publish" ->
          "{\"ok\":true,\"view\":{\"id\":\"V" + nextTs().replace(".", "") + "\"}}";
      case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}";
      default -> "{\"ok\":true}";
    };
  }

  private String nextTs() {
    return String.format("1767225600.%06d", timestamps.incrementAndGet());
  }

  private static Map<String, String> params(HttpExchange ex, String body) {
    Map<String, String> out = new LinkedHashMap<>();
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      out.put("json", body);
      return out;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
