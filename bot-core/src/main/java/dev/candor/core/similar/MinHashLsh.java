package dev.candor.core.similar;

import java.util.Arrays;

/**
 * Candidate pairs of similar word sets by MinHash and LSH banding: each set gets {@link #BANDS} ×
 * {@link #ROWS} minimum hashes; two sets whose signatures agree on all rows of any band land in the
 * same bucket and are reported as a candidate. Sets with Jaccard similarity J become candidates
 * with probability 1 - (1 - J^ROWS)^BANDS: about 0.93 at J = 0.3 and 0.997 at J = 0.5, while pairs
 * that share nothing never meet. Buckets are found by sorting packed (band hash, index) keys, which
 * needs no hash map and no boxing.
 */
final class MinHashLsh {
  static final int BANDS = 32;
  static final int ROWS = 2;

  /**
   * A bucket larger than this is walked with a window instead of in full: its members agree on a
   * whole band, so each is linked through its recent neighbours without comparing all pairs.
   */
  static final int WINDOW = 48;

  private static final long SEED = 0x9E3779B97F4A7C15L;

  private MinHashLsh() {}

  /** Receives candidate pairs, {@code a < b}; it may see a pair more than once. */
  interface PairSink {
    void accept(int a, int b);
  }

  static void candidatePairs(int[][] sets, PairSink sink) {
    int n = sets.length;
    int hashes = BANDS * ROWS;
    int[] signatures = new int[n * hashes];
    int[] present = new int[n];
    int m = 0;
    for (int doc = 0; doc < n; doc++) {
      if (sets[doc].length == 0) {
        continue;
      }
      signature(sets[doc], signatures, m * hashes, hashes);
      present[m++] = doc;
    }
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, m - 1)));
    long indexMask = (1L << indexBits) - 1;
    long[] keyed = new long[m];
    for (int band = 0; band < BANDS; band++) {
      for (int j = 0; j < m; j++) {
        long h = band * 0xD6E8FEB86659FD93L;
        for (int r = 0; r < ROWS; r++) {
          h = mix(h ^ signatures[j * hashes + band * ROWS + r]);
        }
        keyed[j] = (h & ~indexMask) | j;
      }
      Arrays.sort(keyed);
      int start = 0;
      for (int j = 1; j <= m; j++) {
        if (j == m || (keyed[j] & ~indexMask) != (keyed[start] & ~indexMask)) {
          bucket(keyed, start, j, indexMask, present, sink);
          start = j;
        }
      }
    }
  }

  private static void bucket(
      long[] keyed, int from, int to, long indexMask, int[] present, PairSink sink) {
    for (int x = from + 1; x < to; x++) {
      int b = present[(int) (keyed[x] & indexMask)];
      for (int y = Math.max(from, x - WINDOW); y < x; y++) {
        int a = present[(int) (keyed[y] & indexMask)];
        sink.accept(Math.min(a, b), Math.max(a, b));
      }
    }
  }

  private static void signature(int[] set, int[] out, int offset, int hashes) {
    Arrays.fill(out, offset, offset + hashes, Integer.MAX_VALUE);
    for (int term : set) {
      long base = mix(term * SEED + 1);
      for (int h = 0; h < hashes; h++) {
        int v = (int) (mix(base + h * SEED) >>> 33);
        if (v < out[offset + h]) {
          out[offset + h] = v;
        }
      }
    }
  }

  /** The SplitMix64 finalizer: a fast, well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
