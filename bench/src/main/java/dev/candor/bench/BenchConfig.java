package dev.candor.bench;

import dev.candor.bench.support.BenchDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The run's settings, from the command line ({@code --name value}); every default is the documented
 * full run.
 *
 * @param out where the Markdown table is written
 * @param workDir scratch space: JMH check files, JFR recordings, temporary data folders
 * @param sections which targets run: votes, slack, teams, summary, footprint
 * @param databases the databases of the vote path: h2, postgres
 * @param warmupIterations JMH warm-up iterations per trial
 * @param measurementIterations JMH measured iterations per trial
 * @param iterationSeconds length of each JMH iteration
 * @param clients concurrent HTTP clients of the Slack and Teams loads
 * @param requests measured requests per HTTP load run (each a distinct voter)
 * @param warmupRequests requests sent to each server before measuring
 * @param appJar the launcher's fat jar, for the footprint
 * @param profile whether JMH forks and the in-process loads record with JFR
 */
public record BenchConfig(
    Path out,
    Path workDir,
    Set<String> sections,
    List<BenchDatabase.Kind> databases,
    int warmupIterations,
    int measurementIterations,
    int iterationSeconds,
    int clients,
    int requests,
    int warmupRequests,
    Path appJar,
    boolean profile) {

  public static final List<String> SECTIONS =
      List.of("votes", "slack", "teams", "summary", "footprint");

  static BenchConfig parse(String[] args) {
    Path target = Path.of("bench", "target");
    if (!target.toFile().isDirectory()) {
      target = Path.of("target");
    }
    Path out = target.resolve("bench-results.md");
    Set<String> sections = new LinkedHashSet<>(SECTIONS);
    List<BenchDatabase.Kind> dbs = List.of(BenchDatabase.Kind.H2, BenchDatabase.Kind.POSTGRES);
    int warmup = 2;
    int measure = 3;
    int seconds = 3;
    int clients = 64;
    int requests = 6_000;
    int warmupRequests = 1_500;
    Path appJar = Path.of("app", "target", "candor.jar");
    boolean profile = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--profile")) {
        profile = true;
        continue;
      }
      if (name.equals("--help") || name.equals("-h")) {
        throw new IllegalArgumentException(usage());
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value\n" + usage());
      }
      String value = args[++i];
      switch (name) {
        case "--out" -> out = Path.of(value);
        case "--only" -> sections = new LinkedHashSet<>(list(value));
        case "--db" -> dbs = list(value).stream().map(BenchDatabase.Kind::parse).toList();
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--iterations" -> measure = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--clients" -> clients = Integer.parseInt(value);
        case "--requests" -> requests = Integer.parseInt(value);
        case "--warmup-requests" -> warmupRequests = Integer.parseInt(value);
        case "--app-jar" -> appJar = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
      }
    }
    for (String s : sections) {
      if (!SECTIONS.contains(s)) {
        throw new IllegalArgumentException("unknown section " + s + "; known: " + SECTIONS);
      }
    }
    Path work = (out.getParent() == null ? Path.of(".") : out.getParent()).resolve("bench-work");
    return new BenchConfig(
        out,
        work,
        sections,
        dbs,
        warmup,
        measure,
        seconds,
        clients,
        requests,
        warmupRequests,
        appJar,
        profile);
  }

  public boolean runs(String section) {
    return sections.contains(section);
  }

  /** The settings in one line, for the report. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "JMH forks=1, warm-up %d × %d s, measurement %d × %d s, mode throughput; HTTP loads %d"
            + " concurrent keep-alive clients on 127.0.0.1, %,d warm-up + %,d measured requests per"
            + " server (each a distinct voter), closed loop, in %d alternating rounds; vote-path"
            + " pool = %d connections; summary: best of 2 runs after 1 warm-up; footprint: default"
            + " JVM options, RSS read 3 s after ready and every 100 ms under load.",
        warmupIterations,
        iterationSeconds,
        measurementIterations,
        iterationSeconds,
        clients,
        warmupRequests,
        requests,
        dev.candor.bench.http.LoadRuns.ROUNDS,
        dev.candor.core.store.Database.DEFAULT_POOL_SIZE);
  }

  static String usage() {
    return "java -jar bench/target/candor-bench.jar [--out FILE] [--only votes,slack,teams,summary,"
        + "footprint] [--db h2,postgres] [--warmup N] [--iterations N] [--seconds N] [--clients N]"
        + " [--requests N] [--warmup-requests N] [--app-jar FILE] [--profile]";
  }

  private static List<String> list(String value) {
    return new ArrayList<>(
        Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList());
  }
}
