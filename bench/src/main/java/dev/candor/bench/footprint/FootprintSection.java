package dev.candor.bench.footprint;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.report.Report;

/** Placeholder while the section is written. */
public final class FootprintSection {
  private final BenchConfig config;
  private final Report report;

  public FootprintSection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    report.note("footprint: not written yet " + config.clients());
  }
}
