package dev.candor.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.testing.TestCandor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Body limits over real HTTP, with a route that records what reaches it: too large is refused with
 * 413 and one line whether the size is declared or the body is chunked, and the route never sees
 * it; within the limit, the route gets the whole body.
 */
class BodyLimitsTest {
  private static final int LIMIT = 4096;

  private final List<Integer> received = new CopyOnWriteArrayList<>();
  private TestCandor candor;
  private HttpServer server;

  @BeforeEach
  void start() {
    candor = TestCandor.create().build();
    server =
        new HttpServer(candor.candor())
            .routes(
                app ->
                    app.post(
                        "/hook",
                        ctx -> {
                          received.add(ctx.bodyAsBytes().length);
                          ctx.result("got " + ctx.bodyAsBytes().length);
                        }))
            .limitBody("/hook", LIMIT)
            .start(0);
  }

  @AfterEach
  void stop() {
    server.close();
    candor.close();
  }

  @Test
  void givenADeclaredBodyOverTheLimit_then413WithOneLineAndTheRouteNeverRuns() throws Exception {
    HttpResponse<String> r = post(new byte[LIMIT + 1]);

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body())
        .isEqualTo("Request body too large: the limit here is " + LIMIT + " bytes.\n");
    assertThat(received).isEmpty();
  }

  @Test
  void givenADeclaredBodyOfExactlyTheLimit_thenTheRouteGetsAllOfIt() throws Exception {
    HttpResponse<String> r = post(new byte[LIMIT]);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(received).containsExactly(LIMIT);
  }

  @Test
  void givenAChunkedBodyOverTheLimit_then413AndTheRouteNeverRuns() throws Exception {
    String answer = chunked("/hook", 64 * LIMIT);

    assertThat(answer).startsWith("HTTP/1.1 413 ");
    assertThat(answer).endsWith("\r\n\r\nRequest body too large: the limit here is 4096 bytes.\n");
    assertThat(received).isEmpty();
  }

  @Test
  void givenAChunkedBodyWithinTheLimit_thenTheRouteGetsAllOfIt() throws Exception {
    String answer = chunked("/hook", LIMIT - 10);

    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("got " + (LIMIT - 10));
    assertThat(received).containsExactly(LIMIT - 10);
  }

  @Test
  void givenAPathWithoutALimitOfItsOwn_thenTheDefaultLimitApplies() throws Exception {
    String answer = chunked("/healthz", (int) HttpServer.DEFAULT_BODY_LIMIT + 1);

    assertThat(answer).startsWith("HTTP/1.1 413 ");
  }

  private HttpResponse<String> post(byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hook"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POSTs {@code size} bytes with {@code Transfer-Encoding: chunked} and no Content-Length, in 1
   * KiB chunks, and returns the raw answer. Writing stops quietly if the server closes first.
   */
  private String chunked(String path, int size) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        byte[] chunk = new byte[1024];
        for (int sent = 0; sent < size; sent += chunk.length) {
          int n = Math.min(chunk.length, size - sent);
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk, 0, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // the server answered and closed before the whole body was sent
      }
      return readAll(socket.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // a reset after the answer: keep what arrived
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
