package dev.candor.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.core.testing.SharedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Candor processes on one PostgreSQL take votes for the same questions at the same time, and
 * every voter presses vote on both at once: each person counts once, and the tallies in the
 * database and on the channel's board are exact.
 */
class ClusterVotesTest {
  private static final int VOTERS = 80;
  private static final String CHANNEL = "C0VOTES";

  @TempDir Path dir;
  private String schema;
  private FakeSlackApi slack;
  private SignedSlack signed;

  @BeforeEach
  void start() throws Exception {
    schema = SharedPostgres.freshSchema("votes");
    slack = new FakeSlackApi();
    signed = new SignedSlack(slack);
  }

  @AfterEach
  void stop() {
    slack.close();
    SharedPostgres.dropSchema(schema);
  }

  @Test
  void givenEveryVoterPressingVoteOnBothNodesAtOnce_thenEachCountsOnceAndTheTalliesAreExact()
      throws Exception {
    Map<String, String> env =
        NodeEnv.with(
            NodeEnv.of(
                SharedPostgres.jdbcUrl(schema),
                true,
                NodeEnv.masterKey(),
                slack,
                "xoxb-node-a",
                dir.resolve("data")),
            "CANDOR_BOARD_REFRESH",
            "1s");
    CompletableFuture<CandorProcess> startA = CompletableFuture.supplyAsync(() -> serve("a", env));
    CompletableFuture<CandorProcess> startB =
        CompletableFuture.supplyAsync(
            () -> serve("b", NodeEnv.with(env, "SLACK_BOT_TOKEN", "xoxb-node-b")));
    try (CandorProcess a = startA.join();
        CandorProcess b = startB.join()) {
      String session = Drill.schedule(signed, a, CHANNEL);
      List<String> questions = Drill.releasedQuestions(signed, List.of(a, b), session);

      // Every voter votes for every question on both nodes at the same moment.
      List<Callable> calls = new ArrayList<>();
      for (int v = 0; v < VOTERS; v++) {
        for (String q : questions) {
          for (CandorProcess node : List.of(a, b)) {
            calls.add(new Callable(node, String.format("U0VOTER%04d", v), q));
          }
        }
      }
      Collections.shuffle(calls);
      ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (Callable c : calls) {
          done.add(
              pool.submit(
                  () -> {
                    HttpResponse<String> r = signed.slash(c.node, c.voter, "vote " + c.question);
                    replies.add(r.statusCode() + " " + r.body());
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(replies)
          .hasSize(calls.size())
          .allSatisfy(
              r ->
                  assertThat(r)
                      .startsWith("200 ")
                      .containsAnyOf("Voted for q", "already voted for q", "Working on it"));
      for (String q : questions) {
        assertThat(votesFor(q)).as("votes for %s", q).isEqualTo(VOTERS + 1);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                String board = latestBoard();
                for (String q : questions) {
                  assertThat(board).contains("*" + (VOTERS + 1) + " votes* · `" + q + "`");
                }
              });
    }
  }

  private record Callable(CandorProcess node, String voter, String question) {}

  private int votesFor(String question) throws Exception {
    try (Connection c = DriverManager.getConnection(SharedPostgres.jdbcUrl(schema));
        PreparedStatement st =
            c.prepareStatement("SELECT COUNT(*) FROM votes WHERE question_id = ?")) {
      st.setString(1, question.substring(1)); // stored as its code: qrzv5 is rzv5
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The board as the channel shows it now: its last post or edit. */
  private String latestBoard() {
    List<FakeSlackApi.Call> edits =
        slack.calls().stream()
            .filter(c -> c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
            .filter(c -> CHANNEL.equals(c.param("channel")))
            .filter(c -> c.param("blocks") != null && c.param("blocks").contains("votes*"))
            .toList();
    return edits.isEmpty() ? "" : edits.get(edits.size() - 1).param("blocks");
  }

  private CandorProcess serve(String name, Map<String, String> env) {
    try {
      return CandorProcess.serve(name, env, dir.resolve(name));
    } catch (Exception e) {
      throw new IllegalStateException("node " + name + " did not start", e);
    }
  }
}
