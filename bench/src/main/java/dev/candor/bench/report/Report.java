package dev.candor.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects rows, checks and notes while the sections run, and renders them as Markdown. */
public final class Report {
  private final List<Row> rows = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  public synchronized void add(Row row) {
    rows.add(row);
    System.out.printf(
        "  %-58s candor %-22s baseline %-34s ratio %s %s%n",
        row.measure(), row.candor(), row.baseline(), row.ratioText(), row.verdict().label());
  }

  public synchronized void check(Check check) {
    checks.add(check);
    System.out.printf(
        "  check %-40s expected %d, stored %d: %s%n",
        check.run(), check.expected(), check.actual(), check.passed() ? "OK" : "LOST VOTES");
  }

  public synchronized void note(String note) {
    notes.add(note);
  }

  /** A section that could not run; the run exits non-zero. */
  public synchronized void failure(String what) {
    failures.add(what);
    System.out.println("  FAILED: " + what);
  }

  public synchronized boolean passed() {
    return failures.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  public synchronized String markdown(String machine, String settings) {
    StringBuilder md = new StringBuilder();
    md.append("| Measure | Candor | Baseline (same run) | Ratio | Goal | Result |\n");
    md.append("|---|---|---|---:|---|---|\n");
    for (Row r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              r.measure(),
              r.candor(),
              r.baseline(),
              r.ratioText(),
              r.goal(),
              r.verdict().label()));
    }
    md.append(
        "\n**No lost votes** (stored tally = distinct voters sent, checked after every load run):\n\n");
    md.append("| Run | Voters sent | Votes stored | |\n|---|---:|---:|---|\n");
    for (Check c : checks) {
      md.append(
          String.format(
              "| %s | %d | %d | %s%s |%n",
              c.run(),
              c.expected(),
              c.actual(),
              c.passed() ? "✅" : "❌ LOST VOTES",
              c.detail().isEmpty() ? "" : " " + c.detail()));
    }
    if (!failures.isEmpty()) {
      md.append("\n**Failed sections:**\n\n");
      failures.forEach(f -> md.append("- ").append(f).append('\n'));
    }
    if (!notes.isEmpty()) {
      md.append("\nNotes:\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    md.append("\nMachine: ").append(machine).append('\n');
    md.append("\nSettings: ").append(settings).append('\n');
    return md.toString();
  }

  public void write(Path file, String markdown) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
  }

  /** 12345.6 → "12,346"; small numbers keep one decimal. */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%,.1f", value);
  }
}
