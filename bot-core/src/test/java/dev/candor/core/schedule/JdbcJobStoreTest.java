package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.store.Database;
import dev.candor.core.testing.SharedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Quartz tables come from Candor's migrations, the vendor script matching the database (Flyway
 * has no {@code {vendor}} placeholder of its own; Database resolves it), each applied once; and the
 * JDBC job store schedules and fires on PostgreSQL, clustered, as in production.
 */
class JdbcJobStoreTest {
  private static final List<String> QUARTZ_TABLES =
      List.of(
          "qrtz_blob_triggers",
          "qrtz_calendars",
          "qrtz_cron_triggers",
          "qrtz_fired_triggers",
          "qrtz_job_details",
          "qrtz_locks",
          "qrtz_paused_trigger_grps",
          "qrtz_scheduler_state",
          "qrtz_simple_triggers",
          "qrtz_simprop_triggers",
          "qrtz_triggers");

  @Test
  void givenH2_thenTheH2QuartzScriptRunsOnceBetweenTheCoreMigrations() throws SQLException {
    try (Database db = Database.open(Database.h2Memory("quartz-h2-" + UUID.randomUUID()))) {
      assertAppliedOnceEach(migrations(db));
      assertThat(
              rows(
                  db,
                  "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES"
                      + " WHERE TABLE_NAME LIKE 'QRTZ%' ORDER BY 1"))
          .containsExactlyElementsOf(QUARTZ_TABLES);
    }
  }

  @Test
  void givenPostgres_thenTheClusteredJdbcStoreSchedulesAndFiresAReminder() throws Exception {
    String schema = SharedPostgres.freshSchema("quartz");
    try (Database db = SharedPostgres.open(schema)) {
      assertAppliedOnceEach(migrations(db));
      assertThat(
              rows(
                  db,
                  "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                      + schema
                      + "' AND table_name LIKE 'qrtz%' ORDER BY 1"))
          .containsExactlyElementsOf(QUARTZ_TABLES);

      try (RealTimeNode node = RealTimeNode.on(db, MasterKey.random(), Duration.ofSeconds(3))) {
        node.start(db, "pg-" + schema, true, Duration.ofMillis(100));
        ListeningSession s = node.schedule(Duration.ofSeconds(6));
        assertThat(
                rows(
                    db,
                    "SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = '"
                        + QuartzPlanner.group(s.id())
                        + "' ORDER BY 1"))
            .contains("remind-3", "open-0");
        assertThat(rows(db, "SELECT instance_name FROM qrtz_scheduler_state")).hasSize(1);

        await()
            .atMost(Duration.ofSeconds(8))
            .until(() -> !node.delivered(ReminderKind.BEFORE_START).isEmpty());

        assertThat(node.delivered(ReminderKind.BEFORE_START)).hasSize(1);
        assertThat(
                rows(
                    db,
                    "SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = '"
                        + QuartzPlanner.group(s.id())
                        + "'"))
            .doesNotContain("remind-3");
      }
    } finally {
      SharedPostgres.dropSchema(schema);
    }
  }

  /** The Quartz script (V2) and the series (V3) come first after V1, once each, as do all. */
  private static void assertAppliedOnceEach(List<String> migrations) {
    assertThat(migrations).doesNotHaveDuplicates();
    assertThat(migrations.stream().map(m -> m.split(" ")[0]).toList()).doesNotHaveDuplicates();
    assertThat(migrations)
        .startsWith("1 V1__core.sql", "2 V2__quartz_job_store.sql", "3 V3__series.sql");
  }

  private static List<String> migrations(Database db) throws SQLException {
    return rows(
        db,
        "SELECT \"version\" || ' ' || \"script\" FROM \"flyway_schema_history\""
            + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
  }

  private static List<String> rows(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st = c.prepareStatement(sql);
        ResultSet rs = st.executeQuery()) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }
}
