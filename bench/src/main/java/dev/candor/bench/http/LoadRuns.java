package dev.candor.bench.http;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.report.Check;
import dev.candor.bench.report.Report;
import dev.candor.bench.report.Row;
import dev.candor.bench.support.TownHall;
import dev.candor.core.Candor;
import dev.candor.core.question.QuestionId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The shared shape of the HTTP comparisons (Slack, Teams): measured loads, waiting for Candor to
 * store what it acknowledged, the no-lost-votes check, and the table rows.
 */
public final class LoadRuns {
  /** The throughput goal: Candor acknowledges at least this share of the bare SDK's rate. */
  public static final double THROUGHPUT_GOAL = 0.7;

  /** The latency goal at 64 clients: 99 % of acknowledgements within this many milliseconds. */
  public static final double P99_GOAL_MS = 100;

  /** How long Candor may take to store the votes it acknowledged, after the load. */
  public static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

  /**
   * Rounds of the comparison: the bare SDK and Candor take turns, so that both see the same
   * background load of a shared machine.
   */
  public static final int ROUNDS = 4;

  private LoadRuns() {}

  /** Request bytes for voter {@code n} to the server on {@code port}. */
  @FunctionalInterface
  public interface Requests {
    byte[] vote(int port, long voter);
  }

  /**
   * The outcome of a comparison.
   *
   * @param bareOk requests the bare server accepted, warm-up included (each a distinct clicker)
   * @param drainSeconds time Candor took, after its measured rounds, to store what it acknowledged;
   *     negative if it did not within {@link #DRAIN_LIMIT}
   * @param sent the votes Candor accepted, per question, warm-up included
   */
  public record Comparison(
      LoadGenerator.Result bare,
      LoadGenerator.Result candor,
      int bareOk,
      double drainSeconds,
      Map<QuestionId, Integer> sent) {

    /** Votes stored per second, from the first measured request to the last vote stored. */
    public double storedPerSecond() {
      return candor.ok() / (candor.seconds() + drainSeconds);
    }
  }

  /**
   * Warms both servers up, then measures them in {@link #ROUNDS} alternating rounds, each voter
   * sent once; after each Candor round, waits until Candor has stored every vote it acknowledged
   * (so its deferred work never runs during the bare server's turn).
   */
  public static Comparison compare(
      BenchConfig config,
      int barePort,
      int candorPort,
      Requests requests,
      TownHall.Scene scene,
      LongSupplier stored)
      throws InterruptedException {
    Map<QuestionId, Integer> sent = new HashMap<>();
    int warm = config.warmupRequests();
    int bareOk = load("bare, warm-up", barePort, 0, warm, requests, config).ok();
    LoadGenerator.Result warmed = load("Candor, warm-up", candorPort, 0, warm, requests, config);
    countAccepted(warmed, 0, scene, sent);
    if (awaitStored(stored, total(sent)) < 0) {
      return new Comparison(LoadGenerator.Result.empty(), warmed, bareOk, -1, sent);
    }
    LoadGenerator.Result bare = LoadGenerator.Result.empty();
    LoadGenerator.Result candor = LoadGenerator.Result.empty();
    double drain = 0;
    int chunk = Math.max(1, config.requests() / ROUNDS);
    for (int round = 1; round <= ROUNDS; round++) {
      long first = warm + (long) (round - 1) * chunk;
      LoadGenerator.Result b =
          load("bare, round " + round, barePort, first, chunk, requests, config);
      bare = bare.plus(b);
      bareOk += b.ok();
      LoadGenerator.Result c =
          load("Candor, round " + round, candorPort, first, chunk, requests, config);
      countAccepted(c, first, scene, sent);
      candor = candor.plus(c);
      double d = awaitStored(stored, total(sent));
      if (d < 0) {
        return new Comparison(bare, candor, bareOk, -1, sent);
      }
      drain += d;
    }
    return new Comparison(bare, candor, bareOk, drain, sent);
  }

  /** The number of votes in {@code sent}. */
  public static long total(Map<QuestionId, Integer> sent) {
    return sent.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** Sends voters {@code first}.. {@code first+count-1}, one request each. */
  public static LoadGenerator.Result load(
      String label, int port, long first, int count, Requests requests, BenchConfig config)
      throws InterruptedException {
    LoadGenerator.Result r =
        LoadGenerator.run(
            port,
            count,
            i -> requests.vote(port, first + i),
            config.clients(),
            Duration.ofSeconds(60));
    System.out.printf(
        "    %-28s %,6d sent, %,6d ok, %d failed in %.1f s: %,.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
        label,
        r.sent(),
        r.ok(),
        r.failed(),
        r.seconds(),
        r.throughput(),
        r.percentileMs(50),
        r.percentileMs(99));
    return r;
  }

  /**
   * Waits until {@code stored} reaches {@code expected}; returns the seconds waited, or -1 if it
   * did not within {@link #DRAIN_LIMIT}.
   */
  public static double awaitStored(LongSupplier stored, long expected) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + DRAIN_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (stored.getAsLong() >= expected) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(50);
    }
    return -1;
  }

  /** The votes accepted (2xx) in {@code r} for voters starting at {@code first}, per question. */
  public static void countAccepted(
      LoadGenerator.Result r, long first, TownHall.Scene scene, Map<QuestionId, Integer> into) {
    for (int i = 0; i < r.statuses().length; i++) {
      if (r.accepted(i)) {
        into.merge(scene.questionFor(first + i), 1, Integer::sum);
      }
    }
  }

  /**
   * No lost votes: the session's stored tally equals the accepted voters, in total and per
   * question.
   */
  public static void checkTallies(
      Report report,
      String run,
      Candor candor,
      TownHall.Scene scene,
      Map<QuestionId, Integer> sent) {
    long expected = sent.values().stream().mapToLong(Integer::longValue).sum();
    Map<QuestionId, Integer> stored =
        new HashMap<>(candor.storage().inTransaction(tx -> tx.votes().tallies(scene.session())));
    long actual = stored.values().stream().mapToLong(Integer::longValue).sum();
    boolean perQuestion =
        scene.questions().stream()
            .allMatch(q -> Objects.equals(sent.getOrDefault(q, 0), stored.getOrDefault(q, 0)));
    report.check(
        new Check(run, expected, actual, perQuestion ? "(each question's tally matches)" : ""));
    if (!perQuestion) {
      report.failure(run + ": per-question tallies differ from the votes sent");
    }
  }

  /** The throughput and latency rows of one platform. */
  public static void rows(
      Report report,
      String platform,
      String baselineName,
      LoadGenerator.Result bare,
      LoadGenerator.Result candor,
      int clients) {
    double ratio = candor.throughput() / bare.throughput();
    report.add(
        new Row(
            platform + " acks/s, " + clients + " clients",
            Report.number(candor.throughput()) + " req/s",
            Report.number(bare.throughput()) + " req/s (" + baselineName + ")",
            ratio,
            "ratio ≥ " + THROUGHPUT_GOAL,
            Row.Verdict.of(ratio >= THROUGHPUT_GOAL)));
    report.add(
        new Row(
            platform + " time to ack p50, " + clients + " clients",
            String.format("%.1f ms", candor.percentileMs(50)),
            String.format("%.1f ms", bare.percentileMs(50)),
            candor.percentileMs(50) / bare.percentileMs(50),
            "(informative)",
            Row.Verdict.INFO));
    double p99 = candor.percentileMs(99);
    report.add(
        new Row(
            platform + " time to ack p99, " + clients + " clients",
            String.format("%.1f ms", p99),
            String.format("%.1f ms", bare.percentileMs(99)),
            p99 / bare.percentileMs(99),
            "p99 < " + (int) P99_GOAL_MS + " ms",
            Row.Verdict.of(p99 < P99_GOAL_MS)));
  }
}
