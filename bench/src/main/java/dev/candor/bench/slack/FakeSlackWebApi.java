package dev.candor.bench.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stand-in for Slack's Web API and response_urls on 127.0.0.1, for load: it answers every method
 * the adapter calls ({@code auth.test}, {@code chat.postMessage}, {@code chat.update}, {@code
 * chat.postEphemeral}, {@code conversations.open}, {@code views.*}) at once with {@code ok:true},
 * and only counts calls per method, so that it keeps up with thousands of calls a second.
 */
public final class FakeSlackWebApi implements AutoCloseable {
  public static final String TEAM = "T0BENCH";
  public static final String RESPONSE_URL = "response_url";

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final AtomicInteger timestamps = new AtomicInteger();

  public FakeSlackWebApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "fake-slack-api");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The Web API base URL, ending in {@code /}. */
  public String apiUrl() {
    return base() + "/api/";
  }

  /** A response_url as Slack puts one into each action payload. */
  public String responseUrl(int n) {
    return base() + "/respond/" + n;
  }

  /** How many calls of {@code method} arrived (response_urls count as {@value #RESPONSE_URL}). */
  public long calls(String method) {
    LongAdder n = calls.get(method);
    return n == null ? 0 : n.sum();
  }

  /** Every method called so far with its count, for the report. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new java.util.TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method =
        path.startsWith("/respond/") ? RESPONSE_URL : path.substring(path.lastIndexOf('/') + 1);
    calls.computeIfAbsent(method, m -> new LongAdder()).increment();
    byte[] answer = answer(method, body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, answer.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(answer);
    }
  }

  private String answer(String method, String body) {
    return switch (method) {
      case "auth.test" ->
          "{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
      case "chat.postMessage" ->
          "{\"ok\":true,\"channel\":\""
              + param(body, "channel")
              + "\",\"ts\":\""
              + nextTs()
              + "\"}";
      case "chat.update" ->
          "{\"ok\":true,\"channel\":\""
              + param(body, "channel")
              + "\",\"ts\":\""
              + param(body, "ts")
              + "\"}";
      case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
      case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0BENCH\"}}";
      case "views.open", "views.push", "views.update", "views.publish" ->
          "{\"ok\":true,\"view\":{\"id\":\"V" + timestamps.incrementAndGet() + "\"}}";
      default -> "{\"ok\":true}";
    };
  }

  private String nextTs() {
    return String.format("1767225600.%06d", timestamps.incrementAndGet());
  }

  /** A form parameter of a Web API call; JSON bodies (response_urls) have none we need. */
  private static String param(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
