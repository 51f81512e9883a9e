package dev.candor.bench.summary;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.report.Report;

/** Placeholder while the section is written. */
public final class SummarySection {
  private final BenchConfig config;
  private final Report report;

  public SummarySection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    report.note("summary: not written yet " + config.clients());
  }
}
