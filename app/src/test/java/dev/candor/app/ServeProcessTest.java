package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.adapters.slack.Payloads;
import dev.candor.adapters.slack.Signer;
import dev.candor.core.store.Database;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java … CandorApp serve} as a process of its own, stopped the way a container runtime or
 * systemd stops it (SIGTERM) while a delivery is in flight: the JVM does not halt before {@code
 * serve} has stopped in order, so the delivery completes, its row is marked sent and the process
 * exits. With {@code CANDOR_LOG_FORMAT=json}, every line of its log is a JSON object.
 */
class ServeProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "serve-process-signing-secret";
  private static final String ORGANIZER = "U0ORGANIZER";

  @TempDir Path dir;

  @Test
  void givenSigtermDuringADelivery_thenTheDeliveryCompletesTheRowIsSentAndLogsAreJson()
      throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      int port = freePort();
      Process serve = start(port, slack);
      try {
        awaitHealthy(port, serve);
        assertThat(slash(port, "schedule \"Town hall\" in 2h channels slack:C0BOARD").body())
            .contains("Scheduled s1");
        slack.slowNext("chat.postMessage", Duration.ofSeconds(3));
        assertThat(slash(port, "open s1").body()).contains("s1");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !slack.calls("chat.postMessage").isEmpty());

        serve.destroy(); // SIGTERM

        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("the process exits").isTrue();
      } finally {
        serve.destroyForcibly();
      }
    }

    List<String> outbox = rows("SELECT kind, status, lease_until FROM outbox ORDER BY id");
    assertThat(outbox).contains("REMINDER SENT null");
    assertThat(outbox).allSatisfy(row -> assertThat(row).endsWith(" null"));
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("Candor stopped.");
    List<String> log = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertThat(log).isNotEmpty();
    List<JsonNode> events = new ArrayList<>();
    for (String line : log) {
      events.add(JSON.readTree(line));
    }
    assertThat(events)
        .allSatisfy(e -> assertThat(e.path("level").asText()).isIn("INFO", "WARN", "ERROR"));
    List<String> stops =
        events.stream()
            .map(e -> e.path("formattedMessage").asText())
            .filter(m -> m.startsWith("stopped "))
            .map(m -> m.replaceAll(" in \\d+ ms$", ""))
            .toList();
    assertThat(stops)
        .containsExactly(
            "stopped HTTP",
            "stopped chat intake",
            "stopped scheduler and outbox",
            "stopped chat clients",
            "stopped database",
            "stopped");
  }

  private Process start(int port, FakeSlackApi slack) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(), "-cp", mainClassPath(), CandorApp.class.getName(), "serve")
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("CANDOR_DATA_DIR", dir.resolve("data").toString());
    env.put("CANDOR_HTTP_PORT", Integer.toString(port));
    env.put("CANDOR_ORGANIZERS", "slack:" + ORGANIZER);
    env.put("SLACK_BOT_TOKEN", "xoxb-serve-process");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("CANDOR_SLACK_API_URL", slack.apiUrl());
    env.put("CANDOR_LOG_FORMAT", "json");
    env.put("CANDOR_LOG_LEVEL", "INFO");
    return pb.start();
  }

  /** The test JVM's class path without test classes, so the app's own logback.xml applies. */
  private static String mainClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("test-classes") && !e.endsWith("-tests.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private void awaitHealthy(int port, Process serve) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              assertThat(serve.isAlive())
                  .as("serve is running; its log: %s", Files.readString(dir.resolve("stderr.txt")))
                  .isTrue();
              try {
                return get(port, "/healthz").statusCode() == 200;
              } catch (IOException e) {
                return false;
              }
            });
  }

  private static HttpResponse<String> slash(int port, String text) throws Exception {
    String body =
        Payloads.form(
            Payloads.slashCommand(
                ORGANIZER, text, "trigger-" + text.hashCode(), "http://127.0.0.1:9/"));
    long now = Instant.now().getEpochSecond();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", Signer.sign(SECRET, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(Database.h2File(dir.resolve("data")), "", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(" ", cells));
      }
    }
    return rows;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
