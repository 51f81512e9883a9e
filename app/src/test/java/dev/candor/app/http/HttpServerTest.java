package dev.candor.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.testing.TestCandor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's own routes over real HTTP on loopback. */
class HttpServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private TestCandor candor;
  private HttpServer server;

  @BeforeEach
  void start() {
    candor = TestCandor.create().build();
    server = new HttpServer(candor.candor()).start(0);
  }

  @AfterEach
  void stop() {
    server.close();
    candor.close();
  }

  @Test
  void healthzAnswersOkWhenTheDatabaseAnswers() throws Exception {
    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ok\"");
  }

  @Test
  void metricsAreInPrometheusFormatAndCountTheOutbox() throws Exception {
    HttpResponse<String> r = get("/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("candor_outbox_pending").contains("jvm_memory_used_bytes");
  }

  @Test
  void anUnknownPathIsNotFoundWithoutAStackTrace() throws Exception {
    HttpResponse<String> r = get("/nope");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.candor");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
