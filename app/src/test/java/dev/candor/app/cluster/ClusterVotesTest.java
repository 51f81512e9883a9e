package dev.candor.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.core.testing.DatabaseDump;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Candor processes as a cluster on one PostgreSQL take votes for the same questions at the same
 * time, and every voter presses vote on both at once. Each person counts once and the tallies are
 * exact; and an insider who reads the whole database (Quartz's tables and the outbox included),
 * both nodes' logs at DEBUG and both metrics endpoints finds no participant's id or name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterVotesTest {
  private static final int VOTERS = 80;
  private static final String CHANNEL = "C0VOTES";

  private final HttpClient http = HttpClient.newHttpClient();
  private Path dir;
  private Surroundings around;
  private FakeSlackApi slack;
  private SignedSlack signed;
  private CandorProcess a;
  private CandorProcess b;
  private List<String> questions;
  private final List<String> participants = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
  private int votesCast;

  @BeforeAll
  void voteOnTwoNodes() throws Exception {
    dir = Files.createTempDirectory("candor-cluster-votes");
    around = Surroundings.open("votes");
    slack = around.slack;
    signed = around.signed;
    Map<String, String> env =
        NodeEnv.of(
            around.jdbcUrl(), true, NodeEnv.masterKey(), slack, "xoxb-node-a", dir.resolve("data"));
    env = NodeEnv.with(env, "CANDOR_BOARD_REFRESH", "1s");
    env = NodeEnv.with(env, "CANDOR_LOG_LEVEL", "DEBUG");
    Map<String, String> envA = env;
    Map<String, String> envB = NodeEnv.with(env, "SLACK_BOT_TOKEN", "xoxb-node-b");
    CompletableFuture<CandorProcess> startA = CompletableFuture.supplyAsync(() -> serve("a", envA));
    CompletableFuture<CandorProcess> startB = CompletableFuture.supplyAsync(() -> serve("b", envB));
    a = startA.join();
    b = startB.join();

    String session = Drill.schedule(signed, a, CHANNEL);
    questions = Drill.releasedQuestions(signed, List.of(a, b), session);
    participants.addAll(List.of(Drill.PROBE, "U0ASKER0", "U0ASKER1", "U0ASKER2"));

    List<Ballot> ballots = new ArrayList<>();
    for (int v = 0; v < VOTERS; v++) {
      String voter = String.format("U0VOTER%04d", v);
      participants.add(voter);
      for (String q : questions) {
        for (CandorProcess node : List.of(a, b)) {
          ballots.add(new Ballot(node, voter, q));
        }
      }
    }
    Collections.shuffle(ballots);
    votesCast = ballots.size();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Ballot c : ballots) {
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
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (a != null) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
    } finally {
      around.close();
    }
  }

  @Test
  void givenEveryVoterPressingVoteOnBothNodesAtOnce_thenEachCountsOnceAndTheTalliesAreExact()
      throws Exception {
    assertThat(replies)
        .hasSize(votesCast)
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

  @Test
  void givenTheClusterAfterTheVote_thenNoParticipantIsFoundInDatabaseLogsOrMetrics()
      throws Exception {
    String database = String.join("\n", dumpEveryTable());
    // The dump did reach Quartz's tables and the outbox.
    assertThat(database).contains("qrtz_triggers:", "outbox:");
    String logs = a.output() + b.output();
    assertThat(logs).contains("DEBUG"); // the nodes did log at DEBUG
    String metrics = get(a, "/metrics") + get(b, "/metrics");
    assertThat(metrics).contains("candor_outbox_pending");

    for (String p : participants) {
      for (String trace : List.of(p, SignedSlack.nameOf(p))) {
        assertThat(database).as("the database").doesNotContain(trace);
        assertThat(logs).as("the logs").doesNotContain(trace);
        assertThat(metrics).as("the metrics").doesNotContain(trace);
      }
    }
  }

  private record Ballot(CandorProcess node, String voter, String question) {}

  private String get(CandorProcess node, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Every row of every table of the deployment's schema, as text. */
  private List<String> dumpEveryTable() throws Exception {
    try (Connection c = DriverManager.getConnection(around.jdbcUrl())) {
      return DatabaseDump.rows(c, DatabaseDump.tables(c, around.schema));
    }
  }

  private int votesFor(String question) throws Exception {
    try (Connection c = DriverManager.getConnection(around.jdbcUrl());
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
