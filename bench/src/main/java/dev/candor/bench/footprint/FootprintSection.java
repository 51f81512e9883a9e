package dev.candor.bench.footprint;

import dev.candor.app.CandorRuntime;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigLoader;
import dev.candor.bench.BenchConfig;
import dev.candor.bench.http.LoadGenerator;
import dev.candor.bench.http.LoadRuns;
import dev.candor.bench.report.Report;
import dev.candor.bench.report.Row;
import dev.candor.bench.slack.CandorSlackServer;
import dev.candor.bench.slack.FakeSlackWebApi;
import dev.candor.bench.slack.SlackRequests;
import dev.candor.bench.support.BenchDatabase;
import dev.candor.bench.support.TownHall;
import dev.candor.core.question.QuestionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Target 5: the launched app, {@code java -jar app/target/candor.jar serve} with Slack in HTTP mode
 * against the fake Web API and a temporary data folder: time from launch until {@code /healthz}
 * answers, resident memory idle and at its peak under the Slack vote load; against the smallest JVM
 * that answers {@code /healthz} ({@link BareServer}), on the same JDK with the same (default) JVM
 * options.
 */
public final class FootprintSection {
  static final double READY_GOAL_MS = 3_000;
  static final double IDLE_GOAL_MIB = 256;
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final BenchConfig config;
  private final Report report;

  public FootprintSection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    if (!Files.isRegularFile(config.appJar())) {
      report.failure(
          "footprint: " + config.appJar().toAbsolutePath() + " is missing; build it with -am");
      return;
    }
    double[] bare = bare();
    Path data = Files.createTempDirectory(config.workDir(), "footprint-data");
    try (FakeSlackWebApi api = new FakeSlackWebApi()) {
      Map<String, String> env = new HashMap<>(CandorSlackServer.environment(api, data));
      TownHall.Scene scene = prepare(env, data);
      int port = ChildJvm.freePort();
      env.put("CANDOR_HTTP_PORT", Integer.toString(port));
      Map<QuestionId, Integer> sent = new HashMap<>();
      List<String> command = new ArrayList<>(List.of(ChildJvm.java()));
      if (config.profile()) {
        Path jfr = config.workDir().resolve("jfr/candor-serve.jfr").toAbsolutePath();
        Files.createDirectories(jfr.getParent());
        command.add(
            "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
      }
      command.addAll(List.of("-jar", config.appJar().toAbsolutePath().toString(), "serve"));
      try (ChildJvm candor =
          ChildJvm.launch(command, env, port, config.workDir().resolve("logs/candor-serve.log"))) {
        double ready = candor.awaitReady(60);
        Thread.sleep(SETTLE.toMillis());
        double idle = candor.rssMiB();
        System.out.printf(
            "    candor.jar serve: ready in %.0f ms, %.0f MiB resident when idle%n", ready, idle);
        double peak = underLoad(candor, api, scene, sent);
        rows(ready, idle, peak, bare);
      }
      check(env, data, scene, sent);
    } finally {
      BenchDatabase.delete(data);
    }
  }

  /** Ready time and idle RSS of the bare JVM HTTP server. */
  private double[] bare() throws Exception {
    int port = ChildJvm.freePort();
    try (ChildJvm bare =
        ChildJvm.launch(
            List.of(
                ChildJvm.java(),
                "-cp",
                System.getProperty("java.class.path"),
                BareServer.class.getName(),
                Integer.toString(port)),
            Map.of(),
            port,
            config.workDir().resolve("logs/bare-server.log"))) {
      double ready = bare.awaitReady(60);
      Thread.sleep(SETTLE.toMillis());
      double rss = bare.rssMiB();
      System.out.printf("    bare JVM server: ready in %.0f ms, %.0f MiB resident%n", ready, rss);
      return new double[] {ready, rss};
    }
  }

  /**
   * Opens the data folder the child will use, as the child will (same configuration, same master
   * key file), and puts an open town hall in it; the child finds it when it starts.
   */
  private static TownHall.Scene prepare(Map<String, String> env, Path data) {
    CandorConfig config = ConfigLoader.load(Optional.empty(), env, data);
    try (CandorRuntime runtime =
        CandorRuntime.open(config, config.toSettings(), Clock.systemUTC())) {
      return CandorSlackServer.townHall(runtime.candor());
    }
  }

  /** Sends the Slack vote load and returns the peak RSS seen until every vote was answered. */
  private double underLoad(
      ChildJvm candor, FakeSlackWebApi api, TownHall.Scene scene, Map<QuestionId, Integer> sent)
      throws InterruptedException {
    AtomicReference<Double> peak = new AtomicReference<>(candor.rssMiB());
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                double now = candor.rssMiB();
                peak.accumulateAndGet(now, (a, b) -> Double.isNaN(b) ? a : Math.max(a, b));
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
    try {
      int count = Math.max(1, config.requests() / 2);
      LoadGenerator.Result r =
          LoadGenerator.run(
              candor.port(),
              count,
              i -> SlackRequests.upvote(candor.port(), api, i, scene.questionFor(i).code()),
              config.clients(),
              Duration.ofSeconds(60));
      LoadRuns.countAccepted(r, 0, scene, sent);
      System.out.printf(
          "    candor.jar serve under load: %,d ok, %d failed, %,.0f req/s, p99 %.1f ms%n",
          r.ok(), r.failed(), r.throughput(), r.percentileMs(99));
      double drained = LoadRuns.awaitStored(() -> api.calls(FakeSlackWebApi.RESPONSE_URL), r.ok());
      if (drained < 0) {
        report.failure("footprint: the launched app did not answer every vote in time");
      }
      return peak.get();
    } finally {
      sampling.set(false);
      sampler.join(1_000);
    }
  }

  private void rows(double ready, double idle, double peak, double[] bare) {
    report.add(
        new Row(
            "Start to ready (`java -jar candor.jar serve` → /healthz 200)",
            String.format("%,.0f ms", ready),
            String.format("%,.0f ms (bare JVM + JDK HTTP server)", bare[0]),
            ready / bare[0],
            "< 3 s",
            Row.Verdict.of(ready < READY_GOAL_MS)));
    report.add(
        new Row(
            "Resident memory, idle (VmRSS 3 s after ready)",
            String.format("%,.0f MiB", idle),
            String.format("%,.0f MiB (bare JVM + JDK HTTP server)", bare[1]),
            idle / bare[1],
            "< 256 MiB",
            Row.Verdict.of(idle < IDLE_GOAL_MIB)));
    report.add(
        new Row(
            "Resident memory, peak under the Slack load (" + config.clients() + " clients)",
            String.format("%,.0f MiB", peak),
            String.format("%,.0f MiB (the same process, idle)", idle),
            peak / idle,
            "(informative)",
            Row.Verdict.INFO));
  }

  /** Once the child has stopped: the stored tallies equal the votes it accepted. */
  private void check(
      Map<String, String> env, Path data, TownHall.Scene scene, Map<QuestionId, Integer> sent) {
    CandorConfig config = ConfigLoader.load(Optional.empty(), env, data);
    try (CandorRuntime runtime =
        CandorRuntime.open(config, config.toSettings(), Clock.systemUTC())) {
      LoadRuns.checkTallies(
          report, "footprint, launched app (stored tally)", runtime.candor(), scene, sent);
    }
  }
}
