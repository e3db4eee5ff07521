package io.kith.bench.driver;

/** An open-addressing set of longs (no boxing), for de-duplicating generated edges. Not thread-safe. */
final class LongHashSet {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] slots;
  private int size;

  LongHashSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[capacity];
    java.util.Arrays.fill(slots, EMPTY);
  }

  /** Adds {@code value} (never {@link Long#MIN_VALUE}); false if it was there. */
  boolean add(long value) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = mix(value) & mask;
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

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    java.util.Arrays.fill(slots, EMPTY);
    size = 0;
    for (long value : old) {
      if (value != EMPTY) {
        add(value);
      }
    }
  }

  static int mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
