package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.app.platform.ServeRig;
import dev.candor.core.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s wiring stops gracefully: a delivery in flight when stopping begins is finished
 * and recorded as sent, not left claimed, and the database is closed only after it.
 */
class ServingTest {
  private static final Duration SLOW = Duration.ofMillis(2500);

  @TempDir Path dir;

  @Test
  void givenADeliveryInFlight_thenClosingWaitsForItAndItsRowIsSentNotClaimed() throws Exception {
    Map<String, String> env;
    long closedAfterMs;
    try (ServeRig rig = ServeRig.create(dir, Map.of()).serve()) {
      env = rig.env();
      FakeSlackApi slack = rig.slack();
      assertThat(
              rig.slash(ServeRig.ORGANIZER, "schedule \"Town hall\" in 2h channels slack:C0BOARD"))
          .extracting(HttpResponse::body)
          .asString()
          .contains("Scheduled s1");
      slack.slowNext("chat.postMessage", SLOW);

      assertThat(rig.slash(ServeRig.ORGANIZER, "open s1").statusCode()).isEqualTo(200);
      // The "live now" reminder is on its way to Slack, which takes its time to answer.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !slack.calls("chat.postMessage").isEmpty());

      long started = System.nanoTime();
      rig.serving().close();
      closedAfterMs = (System.nanoTime() - started) / 1_000_000;
    }

    assertThat(closedAfterMs).as("closing waited for Slack's answer").isGreaterThan(1000);
    List<String> outbox = rows(env, "SELECT kind, status, lease_until FROM outbox ORDER BY id");
    assertThat(outbox).contains("REMINDER SENT null");
    assertThat(outbox).allSatisfy(row -> assertThat(row).endsWith(" null"));
  }

  /** Rows of the app's H2 file, opened again after the app has closed it. */
  private static List<String> rows(Map<String, String> env, String sql) throws Exception {
    String url = Database.h2File(Path.of(env.get("CANDOR_DATA_DIR")));
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "", "");
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
}
