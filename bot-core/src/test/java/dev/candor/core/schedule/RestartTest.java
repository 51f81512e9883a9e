package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.store.Database;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.SharedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restarts on the Quartz JDBC job store, in real time: a Candor is stopped, another starts on the
 * same database and scheduler name. Reminders missed meanwhile are sent once if still useful and
 * skipped if stale; a message decided but not delivered before a crash is delivered once after.
 */
class RestartTest {
  private static final Duration POLL = Duration.ofMillis(100);
  private Database db;
  private MasterKey key;
  private String name;

  private String schema;

  @BeforeEach
  void database() {
    String unique = UUID.randomUUID().toString();
    if (SharedPostgres.isDefault()) {
      schema = SharedPostgres.freshSchema("restart");
      db = SharedPostgres.open(schema);
    } else {
      db = Database.open(Database.h2Memory("restart-" + unique));
    }
    key = MasterKey.random();
    name = "restart-" + unique;
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    if (schema != null) {
      SharedPostgres.dropSchema(schema);
    }
  }

  @Test
  void givenReminderMissedWhileStoppedAndStillUseful_thenTheNextStartSendsItExactlyOnce()
      throws Exception {
    ListeningSession s;
    try (RealTimeNode first = RealTimeNode.on(db, key, Duration.ofSeconds(4))) {
      first.start(db, name, false, POLL);
      s = first.schedule(Duration.ofSeconds(7));
    }
    assertThat(triggers(s)).contains("remind-4", "open-0", "close-0");
    Instant remindAt = s.startsAt().minusSeconds(4);
    await().until(() -> Instant.now().isAfter(remindAt.plusMillis(700)));

    try (RealTimeNode second = RealTimeNode.on(db, key, Duration.ofSeconds(4))) {
      second.start(db, name, false, POLL);

      await()
          .atMost(Duration.ofSeconds(3))
          .until(() -> !second.delivered(ReminderKind.BEFORE_START).isEmpty());
      assertThat(Instant.now()).isBefore(s.startsAt());
      await().until(() -> !second.delivered(ReminderKind.LIVE_NOW).isEmpty());

      assertThat(second.delivered(ReminderKind.BEFORE_START)).hasSize(1);
      assertThat(reminders(second, "BEFORE_START")).hasSize(1);
      assertThat(triggers(s)).doesNotContain("remind-4", "open-0");
    }
  }

  @Test
  void givenReminderMissedUntilAfterTheStart_thenItIsSkippedAndLoggedButTheSessionStillOpens()
      throws Exception {
    ListeningSession s;
    try (RealTimeNode first = RealTimeNode.on(db, key, Duration.ofSeconds(2))) {
      first.start(db, name, false, POLL);
      s = first.schedule(Duration.ofSeconds(4));
    }
    assertThat(triggers(s)).contains("remind-2", "open-0");
    await().until(() -> Instant.now().isAfter(s.startsAt().plusMillis(500)));

    try (LogCapture logs = LogCapture.rootAtDebug();
        RealTimeNode second = RealTimeNode.on(db, key, Duration.ofSeconds(2))) {
      second.start(db, name, false, POLL);

      await().until(() -> !second.delivered(ReminderKind.LIVE_NOW).isEmpty());
      // Skipped as stale, or as no longer needed if the open fired first: never sent either way.
      await().until(() -> logs.text().contains("BEFORE_START reminder of session " + s.id()));

      assertThat(second.candor.sessions().get(s.id()).state()).isEqualTo(SessionState.OPEN);
      assertThat(second.delivered(ReminderKind.BEFORE_START)).isEmpty();
      assertThat(reminders(second, "BEFORE_START")).isEmpty();
      assertThat(logs.lines())
          .filteredOn(l -> l.contains("BEFORE_START reminder of session"))
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("INFO").contains("skipped"));
    }
  }

  @Test
  void givenCrashBetweenOutboxWriteAndDelivery_thenTheNextStartDeliversItOnce() throws Exception {
    ListeningSession s;
    RealTimeNode crashed = RealTimeNode.on(db, key, Duration.ofSeconds(20));
    try {
      // The worker drains once at start, then not for an hour: what the reminder job writes stays.
      crashed.start(db, name, false, Duration.ofHours(1));
      s = crashed.schedule(Duration.ofSeconds(23));
      await()
          .atMost(Duration.ofSeconds(6))
          .until(() -> reminders(crashed, "BEFORE_START").size() == 1);
      crashed.candor.scheduler().quartz().shutdown(false); // no waiting for running jobs
    } finally {
      crashed.close();
    }
    assertThat(crashed.messenger.attempts()).isEmpty();
    assertThat(reminders(crashed, "BEFORE_START"))
        .singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(OutboxItem.Status.PENDING));

    try (RealTimeNode second = RealTimeNode.on(db, key, Duration.ofSeconds(20))) {
      second.start(db, name, false, POLL);

      await().until(() -> !second.delivered(ReminderKind.BEFORE_START).isEmpty());
      Thread.sleep(500); // a second delivery, if there were one, would have happened by now

      assertThat(second.delivered(ReminderKind.BEFORE_START)).hasSize(1);
      assertThat(reminders(second, "BEFORE_START"))
          .singleElement()
          .satisfies(i -> assertThat(i.status()).isEqualTo(OutboxItem.Status.SENT));
      assertThat(triggers(s)).doesNotContain("remind-20").contains("open-0");
    }
  }

  /** The reminder rows of {@code kind} in the outbox, whatever their status. */
  private List<OutboxItem> reminders(RealTimeNode node, String kind) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT id FROM outbox WHERE kind = ? AND payload LIKE ? ORDER BY id")) {
      st.setString(1, NoticeKind.REMINDER.name());
      st.setString(2, "%\"" + kind + "\"%");
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return node.candor
        .storage()
        .inTransaction(tx -> ids.stream().map(id -> tx.outbox().find(id).orElseThrow()).toList());
  }

  /** Names of the session's triggers in the JDBC store. */
  private List<String> triggers(ListeningSession s) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_GROUP = ?"
                    + " ORDER BY TRIGGER_NAME")) {
      st.setString(1, name);
      st.setString(2, QuartzPlanner.group(s.id()));
      try (ResultSet rs = st.executeQuery()) {
        List<String> names = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        return names;
      }
    }
  }
}
