package dev.candor.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.core.store.Database;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} while votes pour in over HTTP, then a restart on the same database: every vote
 * whose voter was told "Voted for …" is there (voting again says "already voted"), and nobody's
 * vote counts twice. On the embedded default (an H2 file) and on PostgreSQL.
 */
class CrashDuringVotesTest {
  private static final int CLIENTS = 12;

  /** How many acknowledged votes to wait for before the kill, so that the kill lands mid-load. */
  private static final int ACKED_BEFORE_KILL = 150;

  @TempDir Path dir;
  private Surroundings around;
  private FakeSlackApi slack;
  private SignedSlack signed;

  @BeforeEach
  void start() throws Exception {
    around = Surroundings.open("crash");
    slack = around.slack;
    signed = around.signed;
  }

  @AfterEach
  void stop() {
    around.close();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void givenAKillDuringAVoteLoad_thenEveryAcknowledgedVoteIsThereOnceAfterRestart(String db)
      throws Exception {
    Path data = dir.resolve("data");
    String url = db.equals("h2") ? null : around.jdbcUrl();
    Map<String, String> env = NodeEnv.of(url, false, NodeEnv.masterKey(), slack, "xoxb-test", data);

    List<String> questions;
    Map<String, String> attempted = new ConcurrentHashMap<>(); // voter -> question
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    CandorProcess first = CandorProcess.serve("first", env, dir.resolve("first"));
    try {
      String session = Drill.schedule(signed, first, "C0CRASH");
      questions = Drill.releasedQuestions(signed, List.of(first), session);

      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int i = 0; i < CLIENTS; i++) {
        clients.submit(
            () -> {
              while (true) {
                int v = next.getAndIncrement();
                String voter = String.format("U0LOAD%05d", v);
                String q = questions.get(v % questions.size());
                attempted.put(voter, q);
                HttpResponse<String> r;
                try {
                  r = signed.slash(first, voter, "vote " + q);
                } catch (IOException e) {
                  return null; // the node is gone
                }
                if (r.statusCode() == 200 && r.body().contains("Voted for " + q)) {
                  acknowledged.add(voter);
                }
              }
            });
      }
      while (acknowledged.size() < ACKED_BEFORE_KILL && first.isAlive()) {
        Thread.sleep(20);
      }
      first.kill();
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.kill();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);

    List<String> lost = new ArrayList<>();
    try (CandorProcess second = CandorProcess.serve("second", env, dir.resolve("second"))) {
      // Everyone who tried votes again: the acknowledged must find their vote already counted.
      for (Map.Entry<String, String> e : attempted.entrySet()) {
        HttpResponse<String> r = signed.slash(second, e.getKey(), "vote " + e.getValue());
        assertThat(r.body()).containsAnyOf("Voted for", "already voted for");
        if (acknowledged.contains(e.getKey()) && !r.body().contains("already voted for")) {
          lost.add(e.getKey());
        }
      }
    }
    assertThat(lost).as("acknowledged votes missing after the restart").isEmpty();

    // Each person who tried has now voted exactly once; the probe once on each question.
    assertThat(countVotes(url == null ? Database.h2File(data) : url))
        .isEqualTo(attempted.size() + questions.size());
    System.out.printf(
        "crash during votes on %s: %d attempted, %d acknowledged before the kill%n",
        db, attempted.size(), acknowledged.size());
  }

  private static int countVotes(String jdbcUrl) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM votes")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
