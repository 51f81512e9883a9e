package dev.candor.bench.teams;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.report.Report;

/** Placeholder while the section is written. */
public final class TeamsSection {
  private final BenchConfig config;
  private final Report report;

  public TeamsSection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    report.note("teams: not written yet " + config.clients());
  }
}
