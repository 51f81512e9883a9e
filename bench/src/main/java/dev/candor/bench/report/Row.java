package dev.candor.bench.report;

/**
 * One line of the results table: a figure for Candor, the same figure for its baseline measured in
 * the same run, their ratio, and the goal it is judged by.
 *
 * @param measure what was measured, e.g. "Vote path, H2 file, 8 threads (votes/s)"
 * @param candor Candor's figure, formatted with its unit
 * @param baseline the baseline's figure and what the baseline is
 * @param ratio Candor ÷ baseline (NaN when there is no baseline)
 * @param goal the goal in words, e.g. "ratio ≥ 0.7"
 * @param verdict whether the goal was met
 */
public record Row(
    String measure, String candor, String baseline, double ratio, String goal, Verdict verdict) {

  /** How a row stands against its goal. */
  public enum Verdict {
    MET("✅ met"),
    MISSED("❌ missed"),
    INFO("—");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Verdict of(boolean met) {
      return met ? MET : MISSED;
    }
  }

  public String ratioText() {
    return Double.isNaN(ratio) ? "—" : String.format("%.2f", ratio);
  }
}
