package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot Connector on 127.0.0.1 that records what the bot sends: the REST routes the SDK calls to
 * post, reply, edit and open chats, and an OpenID metadata document with a JWKS for authentication
 * tests. Answers can be made to fail, once each, with a status and headers.
 */
public final class FakeConnector implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, JsonNode body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** The first Adaptive Card of the activity sent, as JSON text. */
    public String cardText() {
      return card().toString();
    }

    /** The first Adaptive Card of the activity sent. */
    public JsonNode card() {
      return body.path("attachments").path(0).path("content");
    }
  }

  /** A canned failure: status, headers, body. */
  record Failure(int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile JsonNode jwks = JsonNodeFactory.instance.objectNode().putArray("keys");

  public FakeConnector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The service URL to put in activities, with its trailing slash as Teams sends it. */
  public String serviceUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public String openIdMetadataUrl() {
    return serviceUrl() + "openid";
  }

  public void publishKeys(JsonNode jwks) {
    this.jwks = jwks;
  }

  /** The next connector call answers with {@code status} and {@code headers} instead. */
  synchronized FakeConnector failNext(int status, Map<String, String> headers) {
    failures.add(new Failure(status, headers));
    return this;
  }

  /** Every connector call (v3 routes) so far. */
  public synchronized List<Request> requests() {
    return requests.stream().filter(r -> r.path().startsWith("/v3/")).toList();
  }

  public synchronized List<Request> requests(String method, String pathPrefix) {
    return requests().stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .toList();
  }

  /**
   * The activities posted (new messages and thread replies) to a conversation, whether addressed by
   * its id or by a thread of it ({@code <id>;messageid=<root>}).
   */
  public List<Request> posted(String conversationId) {
    return inConversation("POST", conversationId).stream()
        .filter(r -> r.path().contains("/activities"))
        .toList();
  }

  public List<Request> updated(String conversationId) {
    return inConversation("PUT", conversationId);
  }

  private List<Request> inConversation(String method, String conversationId) {
    String prefix = "/v3/conversations/" + conversationId;
    return requests().stream()
        .filter(r -> r.method().equals(method))
        .filter(r -> r.path().startsWith(prefix + "/") || r.path().startsWith(prefix + ";"))
        .toList();
  }

  synchronized void clear() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      if (path.equals("/openid")) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("issuer", "https://api.botframework.com");
        doc.put("jwks_uri", serviceUrl() + "keys");
        respond(exchange, 200, doc, Map.of());
        return;
      }
      if (path.equals("/keys")) {
        respond(exchange, 200, jwks, Map.of());
        return;
      }
      JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
      Failure failure;
      synchronized (this) {
        requests.add(new Request(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
        failure = failures.poll();
      }
      if (failure != null) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error
            .putObject("error")
            .put("code", "Failure")
            .put("message", "canned " + failure.status());
        respond(exchange, failure.status(), error, failure.headers());
        return;
      }
      respond(exchange, status(method, path), answer(method, path), Map.of());
    }
  }

  private static int status(String method, String path) {
    return method.equals("POST") ? 201 : 200;
  }

  private JsonNode answer(String method, String path) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    String[] parts = path.split("/");
    if (method.equals("POST") && path.equals("/v3/conversations")) {
      answer.put("id", "a:dm-" + ids.incrementAndGet());
    } else if (method.equals("PUT") && parts.length >= 6) {
      answer.put("id", parts[5]);
    } else {
      answer.put("id", "activity-" + ids.incrementAndGet());
    }
    return answer;
  }

  private static void respond(
      HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
