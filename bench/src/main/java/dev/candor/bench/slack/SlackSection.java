package dev.candor.bench.slack;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.http.LoadRuns;
import dev.candor.bench.report.Check;
import dev.candor.bench.report.Report;
import dev.candor.bench.report.Row;
import dev.candor.bench.support.BenchDatabase;
import dev.candor.bench.support.Profiling;
import dev.candor.bench.support.RawInserts;
import dev.candor.bench.support.TownHall;
import dev.candor.core.question.QuestionId;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Target 2: signed {@code block_actions} upvotes over loopback at 64 clients, to Candor's own HTTP
 * server and Slack route (in this process, wired as {@code serve} wires it, on the embedded H2
 * file) and to a bare Bolt app on the same kind of server. Then the end-to-end rate: how fast the
 * acknowledged votes are actually stored, against raw inserts on the same pool.
 */
public final class SlackSection {
  private final BenchConfig config;
  private final Report report;

  public SlackSection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    Files.createDirectories(config.workDir());
    Path data = Files.createTempDirectory(config.workDir(), "slack-data");
    try (FakeSlackWebApi api = new FakeSlackWebApi();
        CandorSlackServer candor = CandorSlackServer.start(api, data);
        BareBoltServer bare = BareBoltServer.start(api)) {
      TownHall.Scene scene = candor.scene();
      LoadRuns.Requests votes =
          (port, n) -> SlackRequests.upvote(port, api, n, scene.questionFor(n).code());
      LoadRuns.Comparison result =
          Profiling.record(
              config.profile(),
              config.workDir(),
              "slack-load",
              () ->
                  LoadRuns.compare(
                      config, bare.port(), candor.port(), votes, scene, () -> stored(candor)));
      LoadRuns.rows(
          report,
          "Slack /slack/events",
          "bare Bolt, ack only",
          result.bare(),
          result.candor(),
          config.clients());
      endToEnd(candor, scene, result);
      report.check(
          new Check("Slack, bare Bolt (clicks handled)", result.bareOk(), bare.clickers(), ""));
      LoadRuns.checkTallies(
          report, "Slack, Candor (stored tally)", candor.candor(), scene, result.sent());
      report.note(
          "Slack: Candor acknowledges a click at once and records the vote afterwards on its"
              + " adapter's background pool (4 threads), then answers the voter through the"
              + " response_url; fake Web API calls during the run: "
              + api.counts()
              + ".");
    } finally {
      BenchDatabase.delete(data);
    }
  }

  private void endToEnd(CandorSlackServer candor, TownHall.Scene scene, LoadRuns.Comparison result)
      throws InterruptedException {
    if (result.drainSeconds() < 0) {
      report.failure(
          "Slack: the acknowledged votes were not all stored within " + LoadRuns.DRAIN_LIMIT);
      return;
    }
    double storedRate = result.storedPerSecond();
    double raw =
        RawInserts.rate(
            candor.dataSource(), scene.questions().stream().map(QuestionId::code).toList(), 8, 5);
    report.add(
        new Row(
            "Slack end to end: votes stored/s (acked → in DB)",
            Report.number(storedRate) + " votes/s",
            Report.number(raw) + " inserts/s (raw JDBC, 8 threads, same H2 file and pool)",
            storedRate / raw,
            "(informative)",
            Row.Verdict.INFO));
  }

  private static long stored(CandorSlackServer candor) {
    return TownHall.storedVotes(candor.candor(), candor.scene().session());
  }
}
