package dev.candor.bench.report;

/**
 * A correctness check of a load run: no lost votes means the stored tally equals the number of
 * distinct voters the run sent.
 */
public record Check(String run, long expected, long actual, String detail) {
  public boolean passed() {
    return expected == actual;
  }
}
