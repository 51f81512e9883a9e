package dev.candor.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.core.render.PlainText;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Candor processes as one Quartz cluster on one PostgreSQL, a hundred sessions with reminders,
 * and one node killed with {@code SIGKILL} while the reminders go out. Every reminder must reach
 * its channel exactly once, and the reminders the dead node held must come from the survivor in
 * time to be useful: before the start for "starts in …", soon after it for "live now".
 */
class ClusterFailoverTest {
  private static final int SESSIONS = 100;

  /** Starts are spread over this many seconds, so that reminders stream rather than burst. */
  private static final int SPREAD = 20;

  /**
   * Reminder leads, further apart than {@link #TAKEOVER}: a reminder recovered after the next one
   * is due is rightly folded into it (one reminder, not two back to back), which real leads (24 h,
   * 1 h, 10 min) never come near.
   */
  private static final int LEAD_1 = 60;

  private static final int LEAD_2 = 30;

  /**
   * The longest a reminder may be late after a node dies: Quartz notices a node missing after its
   * check-in interval (7.5 s) plus a 7.5 s grace, checked every 7.5 s, and the outbox items the
   * dead node had claimed are free again after 10 s; the rest is polling and pacing.
   */
  private static final Duration TAKEOVER = Duration.ofSeconds(30);

  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  @TempDir Path dir;
  private Surroundings around;
  private FakeSlackApi slack;
  private SignedSlack signed;

  @BeforeEach
  void start() throws Exception {
    around = Surroundings.open("cluster");
    slack = around.slack;
    signed = around.signed;
  }

  @AfterEach
  void stop() {
    around.close();
  }

  @Test
  void givenAHundredSessionsOnTwoNodes_whenOneIsKilledMidway_thenEveryReminderArrivesOnceAndInTime()
      throws Exception {
    String key = NodeEnv.masterKey();
    Map<String, String> env =
        NodeEnv.with(
            NodeEnv.with(
                NodeEnv.of(around.jdbcUrl(), true, key, slack, "xoxb-node-a", dir.resolve("a")),
                "CANDOR_LOG_LEVEL",
                "DEBUG"),
            "CANDOR_REMINDERS",
            LEAD_1 + "s," + LEAD_2 + "s");
    CompletableFuture<CandorProcess> startA = CompletableFuture.supplyAsync(() -> serve("a", env));
    CompletableFuture<CandorProcess> startB =
        CompletableFuture.supplyAsync(
            () -> serve("b", NodeEnv.with(env, "SLACK_BOT_TOKEN", "xoxb-node-b")));
    try (CandorProcess a = startA.join();
        CandorProcess b = startB.join()) {
      Instant base = Instant.now().plusSeconds(LEAD_1 + 35).truncatedTo(ChronoUnit.SECONDS);
      List<Reminder> expected = new ArrayList<>();
      for (int n = 0; n < SESSIONS; n++) {
        Instant startsAt = base.plusSeconds(n % SPREAD);
        String channel = String.format("C0DRILL%03d", n);
        HttpResponse<String> r =
            signed.slash(
                n % 2 == 0 ? a : b,
                NodeEnv.ORGANIZER,
                "schedule \"Drill "
                    + n
                    + "\" "
                    + START.format(LocalDateTime.ofInstant(startsAt, ZoneOffset.UTC))
                    + " for 30m tz UTC channels slack:"
                    + channel);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as("schedule %d", n).contains("Scheduled");
        expected.add(
            new Reminder(
                channel,
                "starts in " + PlainText.lead(Duration.ofSeconds(LEAD_1)),
                startsAt.minusSeconds(LEAD_1)));
        expected.add(
            new Reminder(
                channel,
                "starts in " + PlainText.lead(Duration.ofSeconds(LEAD_2)),
                startsAt.minusSeconds(LEAD_2)));
        expected.add(new Reminder(channel, "is live now", startsAt));
      }
      Instant firstReminder = base.minusSeconds(LEAD_1);
      assertThat(Instant.now()).as("scheduling took too long to test").isBefore(firstReminder);

      // Midway through the first wave of reminders, node a dies.
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> Instant.now().isAfter(firstReminder.plusSeconds(SPREAD / 2)));
      a.kill();
      Instant killedAt = Instant.now();
      assertThat(a.isAlive()).isFalse();

      Instant lastDue = base.plusSeconds(SPREAD - 1);
      await()
          .atMost(Duration.between(Instant.now(), lastDue).plus(TAKEOVER).plusSeconds(10))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () ->
                  assertThat(missing(expected))
                      .as(
                          "reminders not delivered; the database says:%n%s%nnode b said:%n%s",
                          diagnose(), tail(b.output()))
                      .isEmpty());
      Thread.sleep(3000); // a second copy, were one on its way, would have arrived by now

      List<FakeSlackApi.Call> posts = delivered();
      for (Reminder r : expected) {
        List<FakeSlackApi.Call> copies = posts.stream().filter(c -> r.matches(c)).toList();
        assertThat(copies).as("%s of %s", r.what, r.channel).hasSize(1);
        Duration late = Duration.between(r.due, copies.get(0).at());
        assertThat(late).as("%s of %s, late by", r.what, r.channel).isLessThan(TAKEOVER);
      }
      assertThat(posts).hasSize(expected.size());
      assertThat(posts)
          .as("node a delivered part of the first wave before it died")
          .anyMatch(c -> "xoxb-node-a".equals(c.token()));
      assertThat(posts)
          .as("nothing from node a after its death")
          .noneMatch(c -> "xoxb-node-a".equals(c.token()) && c.at().isAfter(killedAt));
      assertThat(posts)
          .filteredOn(c -> c.at().isAfter(killedAt))
          .as("the survivor delivered the rest")
          .isNotEmpty()
          .allMatch(c -> "xoxb-node-b".equals(c.token()));
      assertThat(b.isAlive()).isTrue();
      System.out.printf(
          "cluster failover: %d reminders, %d from node a before the kill, latest %s ms late%n",
          posts.size(),
          posts.stream().filter(c -> "xoxb-node-a".equals(c.token())).count(),
          expected.stream()
              .mapToLong(
                  r ->
                      posts.stream()
                          .filter(r::matches)
                          .mapToLong(c -> Duration.between(r.due, c.at()).toMillis())
                          .max()
                          .orElse(-1))
              .max()
              .orElse(-1));
    }
  }

  private List<String> missing(List<Reminder> expected) {
    List<FakeSlackApi.Call> posts = delivered();
    return expected.stream()
        .filter(r -> posts.stream().noneMatch(r::matches))
        .map(r -> r.channel + " " + r.what + " due " + r.due)
        .toList();
  }

  /** The outbox and the cluster's state, for a failure message. */
  private String diagnose() {
    StringBuilder out = new StringBuilder();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(around.jdbcUrl());
        java.sql.Statement st = c.createStatement()) {
      for (String q :
          List.of(
              "SELECT id, target_address, kind, status, attempts, not_before, lease_until,"
                  + " lease_owner, last_error, payload FROM outbox WHERE status <> 'SENT'",
              "SELECT instance_name, last_checkin_time FROM qrtz_scheduler_state",
              "SELECT instance_name, trigger_name, trigger_group, state FROM qrtz_fired_triggers",
              "SELECT trigger_name, trigger_group, trigger_state, next_fire_time FROM qrtz_triggers"
                  + " WHERE trigger_name LIKE 'remind%' AND next_fire_time < "
                  + Instant.now().toEpochMilli())) {
        try (java.sql.ResultSet rs = st.executeQuery(q)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              out.append(rs.getObject(i)).append(' ');
            }
            out.append('\n');
          }
        }
        out.append("--\n");
      }
    } catch (Exception e) {
      out.append(e);
    }
    return out.toString();
  }

  /** The lines of a node's log that explain a missing reminder. */
  private static String tail(String output) {
    List<String> lines =
        output
            .lines()
            .filter(
                l ->
                    l.contains("WARN")
                        || l.contains("ERROR")
                        || l.contains("skip")
                        || l.contains("not needed")
                        || l.contains("left to another")
                        || l.contains("due again")
                        || l.contains("BEFORE_START"))
            .toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** The channel posts that are reminders, to the drill channels. */
  private List<FakeSlackApi.Call> delivered() {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> c.param("channel") != null && c.param("channel").startsWith("C0DRILL"))
        .filter(c -> Reminder.isReminder(c.param("text")))
        .collect(Collectors.toList());
  }

  private CandorProcess serve(String name, Map<String, String> env) {
    try {
      return CandorProcess.serve(name, env, dir.resolve(name));
    } catch (Exception e) {
      throw new IllegalStateException("node " + name + " did not start", e);
    }
  }

  /** One reminder a channel should get: {@code what} is a phrase of its text. */
  private record Reminder(String channel, String what, Instant due) {
    static boolean isReminder(String text) {
      return text != null && (text.contains("is live now") || text.contains(" starts in "));
    }

    boolean matches(FakeSlackApi.Call c) {
      String text = c.param("text");
      return channel.equals(c.param("channel")) && text != null && text.contains(what);
    }
  }
}
