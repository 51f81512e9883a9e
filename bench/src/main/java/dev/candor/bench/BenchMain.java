package dev.candor.bench;

import dev.candor.bench.footprint.FootprintSection;
import dev.candor.bench.report.Machine;
import dev.candor.bench.report.Report;
import dev.candor.bench.slack.SlackSection;
import dev.candor.bench.summary.SummarySection;
import dev.candor.bench.teams.TeamsSection;
import dev.candor.bench.votes.VoteSection;
import java.nio.file.Files;

/**
 * Runs Candor's benchmarks and writes the results table.
 *
 * <pre>
 * mvn -B -q -Pbench -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/candor-bench.jar
 * </pre>
 *
 * <p>Every figure is measured next to a baseline in the same run, and judged by the ratio. The
 * table goes to standard output and to {@code bench/target/bench-results.md} ({@code --out}). The
 * exit status is 1 if a load run lost votes or a section failed, 2 for bad options.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
    // The fake Slack API and Bot Connector use the JDK's HTTP server, which by default leaves
    // Nagle's algorithm on: with delayed ACKs each call would cost ~40 ms, an artefact of the fake.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    BenchConfig config;
    try {
      config = BenchConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(config.workDir());
    Report report = new Report();
    long start = System.nanoTime();
    section(config, report, "votes", () -> new VoteSection(config, report).run());
    section(config, report, "slack", () -> new SlackSection(config, report).run());
    section(config, report, "teams", () -> new TeamsSection(config, report).run());
    section(config, report, "summary", () -> new SummarySection(config, report).run());
    section(config, report, "footprint", () -> new FootprintSection(config, report).run());
    double minutes = (System.nanoTime() - start) / 60e9;
    String markdown =
        report.markdown(
            Machine.describe(),
            config.describe() + String.format(" Whole run: %.1f min.", minutes));
    System.out.println();
    System.out.println(markdown);
    report.write(config.out(), markdown);
    System.out.println("Written to " + config.out().toAbsolutePath());
    if (!report.passed()) {
      System.err.println("BENCHMARK FAILED: votes were lost or a section failed; see above.");
      System.exit(1);
    }
    System.exit(0);
  }

  /** A part of the run. */
  @FunctionalInterface
  interface Section {
    void run() throws Exception;
  }

  private static void section(BenchConfig config, Report report, String name, Section section) {
    if (!config.runs(name)) {
      return;
    }
    System.out.println("== " + name);
    String loadBefore = loadAverage();
    long t0 = System.nanoTime();
    try {
      section.run();
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      report.failure(name + ": " + e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("   (%s took %.0f s)%n", name, seconds);
    report.note(
        String.format(
            "Section %s took %.0f s; the machine's 1-minute load average was %s before and %s"
                + " after (anything above %d means other processes shared the CPUs).",
            name, seconds, loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors()));
  }

  /** The 1-minute load average from /proc/loadavg, or "n/a". */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
