package dev.candor.core.similar;

/** A set of non-negative longs with open addressing: no boxing, for millions of candidate pairs. */
final class LongSet {
  private static final long EMPTY = -1;
  private long[] slots = new long[1 << 12];
  private int size;

  LongSet() {
    java.util.Arrays.fill(slots, EMPTY);
  }

  /** Adds {@code value} (at least 0); returns false if it was there already. */
  boolean add(long value) {
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) MinHashLsh.mix(value) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    size++;
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    java.util.Arrays.fill(slots, EMPTY);
    size = 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }
}
