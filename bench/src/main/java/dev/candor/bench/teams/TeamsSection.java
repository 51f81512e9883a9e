package dev.candor.bench.teams;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.http.LoadRuns;
import dev.candor.bench.report.Check;
import dev.candor.bench.report.Report;
import dev.candor.bench.support.BenchDatabase;
import dev.candor.bench.support.Profiling;
import dev.candor.bench.support.TownHall;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Target 3: Adaptive Card vote clicks ({@code message} activities with a {@code value}) over
 * loopback at 64 clients to Candor's {@code POST /api/messages} and to a bare Bot Framework adapter
 * on the same kind of server. Teams records the vote before it answers, so the acknowledgement here
 * includes the whole vote.
 */
public final class TeamsSection {
  private final BenchConfig config;
  private final Report report;

  public TeamsSection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    Files.createDirectories(config.workDir());
    Path data = Files.createTempDirectory(config.workDir(), "teams-data");
    try (FakeBotConnector connector = new FakeBotConnector();
        CandorTeamsServer candor = CandorTeamsServer.start(data, connector.serviceUrl());
        BareBotFrameworkServer bare = BareBotFrameworkServer.start()) {
      TownHall.Scene scene = candor.scene();
      LoadRuns.Requests votes =
          (port, n) ->
              TeamsRequests.vote(port, connector.serviceUrl(), n, scene.questionFor(n).code());
      LoadRuns.Comparison result =
          Profiling.record(
              config.profile(),
              config.workDir(),
              "teams-load",
              () ->
                  LoadRuns.compare(
                      config,
                      bare.port(),
                      candor.port(),
                      votes,
                      scene,
                      () -> TownHall.storedVotes(candor.candor(), scene.session())));
      LoadRuns.rows(
          report,
          "Teams /api/messages",
          "bare BotFrameworkHttpAdapter, 200 only",
          result.bare(),
          result.candor(),
          config.clients());
      if (result.drainSeconds() < 0) {
        report.failure("Teams: acknowledged votes were not all stored in time");
      }
      report.check(
          new Check(
              "Teams, bare Bot Framework (clicks handled)", result.bareOk(), bare.clickers(), ""));
      LoadRuns.checkTallies(
          report, "Teams, Candor (stored tally)", candor.candor(), scene, result.sent());
      report.note(
          "Teams: both servers run without an app id (no JWT validation on either side), see"
              + " CandorTeamsServer; Candor records the vote before answering 200. Fake connector"
              + " calls: "
              + connector.counts()
              + ".");
    } finally {
      BenchDatabase.delete(data);
    }
  }
}
