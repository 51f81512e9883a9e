package dev.candor.bench.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stand-in for the Bot Connector service on 127.0.0.1 (the {@code serviceUrl} of every activity):
 * it accepts every post, reply and edit at once with a fresh activity id, and only counts calls by
 * method.
 */
public final class FakeBotConnector implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  public FakeBotConnector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "fake-bot-connector");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The service URL to put in activities, with its trailing slash as Teams sends it. */
  public String serviceUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Calls so far by HTTP method, for the report. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    calls.computeIfAbsent(ex.getRequestMethod(), m -> new LongAdder()).increment();
    byte[] answer =
        ("{\"id\":\"activity-" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, answer.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(answer);
    }
  }
}
