package dev.candor.bench.footprint;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The footprint baseline: the least a JVM can be to answer {@code GET /healthz}, with the JDK's own
 * HTTP server and nothing else. {@code java -cp candor-bench.jar
 * dev.candor.bench.footprint.BareServer <port>}; runs until it is stopped.
 */
public final class BareServer {
  private BareServer() {}

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 0);
    byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/healthz",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, ok.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(ok);
          }
        });
    server.start();
    Thread.currentThread().join();
  }
}
