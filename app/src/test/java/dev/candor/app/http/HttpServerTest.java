package dev.candor.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.candor.core.testing.TestCandor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's own routes over real HTTP on loopback. */
class HttpServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private TestCandor candor;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    candor = TestCandor.create().build();
    candor.candor().start();
    server = new HttpServer(candor.candor());
  }

  @AfterEach
  void stop() {
    server.close();
    candor.close();
  }

  @Test
  void givenDatabaseAndSchedulerRunning_thenHealthzIsOkAndSaysSo() throws Exception {
    server.start(0);

    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.contains("json"));
    assertThat(r.body())
        .isEqualTo("{\"status\":\"ok\",\"database\":\"up\",\"scheduler\":\"started\"}");
  }

  @Test
  void givenTheDatabaseIsGone_thenHealthzIs503NamingTheDatabase() throws Exception {
    server.start(0);
    ((HikariDataSource) candor.database().dataSource()).close();

    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body())
        .isEqualTo("{\"status\":\"unavailable\",\"database\":\"down\",\"scheduler\":\"started\"}");
  }

  @Test
  void givenTheSchedulerInStandby_thenHealthzIs503NamingTheScheduler() throws Exception {
    server.start(0);
    candor.candor().scheduler().quartz().standby();

    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body())
        .isEqualTo("{\"status\":\"unavailable\",\"database\":\"up\",\"scheduler\":\"standby\"}");
  }

  @Test
  void givenTheSchedulerShutDown_thenHealthzIs503NamingTheScheduler() throws Exception {
    server.start(0);
    candor.candor().scheduler().quartz().shutdown(true);

    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("\"scheduler\":\"shutdown\"").contains("\"database\":\"up\"");
  }

  @Test
  void givenAScrape_thenMetricsAreInPrometheusFormatWithTheOutboxAndTheJvm() throws Exception {
    server.start(0);

    HttpResponse<String> r = get("/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("candor_outbox_pending").contains("jvm_memory_used_bytes");
  }

  @Test
  void givenAnUnknownPath_thenNotFoundWithoutAStackTrace() throws Exception {
    server.start(0);

    HttpResponse<String> r = get("/nope");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.candor");
  }

  @Test
  void givenARequestInProgress_thenClosingWaitsForItsAnswerAndRefusesNewConnections()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    server
        .routes(
            app ->
                app.get(
                    "/slow",
                    ctx -> {
                      entered.countDown();
                      Thread.sleep(1500);
                      ctx.result("finished");
                    }))
        .start(0);
    int port = server.port();
    CompletableFuture<HttpResponse<String>> slow =
        client.sendAsync(request(port, "/slow"), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    server.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
    HttpResponse<String> answered = slow.get(5, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).isEqualTo("finished");
    CompletableFuture<HttpResponse<String>> late =
        HttpClient.newHttpClient()
            .sendAsync(request(port, "/healthz"), HttpResponse.BodyHandlers.ofString());
    assertThat(late).failsWithin(Duration.ofSeconds(5));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(request(server.port(), path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .build();
  }
}
