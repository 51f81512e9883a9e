package dev.candor.bench.votes;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.report.Check;
import dev.candor.bench.report.Report;
import dev.candor.bench.report.Row;
import dev.candor.bench.support.BenchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Target 1: {@link VotePathBenchmark} under JMH, Candor then raw JDBC, on H2 and PostgreSQL, at 1
 * and 8 threads; each figure is the ratio of the two on the same database in the same run.
 */
public final class VoteSection {
  /** The goal: the core keeps at least this share of the database's own insert rate. */
  static final double GOAL = 0.7;

  private final BenchConfig config;
  private final Report report;

  public VoteSection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws IOException {
    Path checks = config.workDir().resolve("vote-checks");
    Files.createDirectories(checks);
    for (BenchDatabase.Kind kind : config.databases()) {
      for (int threads : List.of(1, 8)) {
        double jdbc = measure("jdbc", kind, threads, checks);
        double core = measure("candor", kind, threads, checks);
        double ratio = core / jdbc;
        report.add(
            new Row(
                "Vote path, "
                    + kind.label()
                    + ", "
                    + threads
                    + " thread"
                    + (threads > 1 ? "s" : ""),
                Report.number(core) + " votes/s",
                Report.number(jdbc) + " inserts/s (raw JDBC insert+commit, same pool)",
                ratio,
                "ratio ≥ " + GOAL,
                Row.Verdict.of(ratio >= GOAL)));
      }
    }
  }

  private double measure(String method, BenchDatabase.Kind kind, int threads, Path checks) {
    String label = method + "-" + kind.name() + "-" + threads;
    System.out.println("  JMH " + label + " ...");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(VotePathBenchmark.class.getName() + "\\." + method + "$")
            .param("db", kind.name())
            .threads(threads)
            .forks(1)
            .warmupIterations(config.warmupIterations())
            .warmupTime(TimeValue.seconds(config.iterationSeconds()))
            .measurementIterations(config.measurementIterations())
            .measurementTime(TimeValue.seconds(config.iterationSeconds()))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .jvmArgsAppend(
                "-D" + VotePathBenchmark.CHECKS_PROPERTY + "=" + checks.toAbsolutePath(),
                "-Dlogback.configurationFile=bench-logback.xml");
    if (config.profile()) {
      createDirectories(config.workDir().resolve("jfr"));
      options.jvmArgsAppend(
          "-XX:StartFlightRecording=filename="
              + config.workDir().resolve("jfr/" + label + ".jfr").toAbsolutePath()
              + ",settings=profile");
    }
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } catch (RunnerException e) {
      report.failure("JMH " + label + ": " + e.getMessage());
      return Double.NaN;
    }
    Result<?> primary = results.iterator().next().getPrimaryResult();
    recordCheck(label, checks.resolve(label + ".txt"));
    System.out.printf(
        "    %s: %.0f ± %.0f %s%n",
        label, primary.getScore(), primary.getScoreError(), primary.getScoreUnit());
    return primary.getScore();
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void recordCheck(String label, Path file) {
    try {
      String[] f = Files.readString(file).trim().split(" ");
      long sent = Long.parseLong(f[0]);
      long stored = Long.parseLong(f[1]);
      long refused = Long.parseLong(f[2]);
      report.check(new Check("vote path " + label, sent, stored, ""));
      if (refused > 0) {
        report.failure("vote path " + label + ": " + refused + " votes were refused");
      }
    } catch (IOException | RuntimeException e) {
      report.failure("vote path " + label + ": no vote count was written (" + e + ")");
    }
  }
}
