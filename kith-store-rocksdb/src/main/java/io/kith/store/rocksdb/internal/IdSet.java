package io.kith.store.rocksdb.internal;

import java.util.Arrays;

/**
 * An immutable set of user ids, sorted for binary search, each with one long of payload (a follow time, a mute's
 * expiry). {@code complete} is false when the list it was read from was longer than the cache keeps: then a miss
 * proves nothing and the caller asks RocksDB.
 */
record IdSet(long[] ids, long[] values, boolean complete) {
  static final IdSet EMPTY = new IdSet(new long[0], new long[0], true);

  /** Sorts {@code ids} and {@code values} together, by id. */
  static IdSet of(long[] ids, long[] values, boolean complete) {
    if (ids.length == 0) {
      return complete ? EMPTY : new IdSet(ids, values, false);
    }
    Integer[] order = new Integer[ids.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
    long[] sortedIds = new long[ids.length];
    long[] sortedValues = new long[ids.length];
    for (int i = 0; i < order.length; i++) {
      sortedIds[i] = ids[order[i]];
      sortedValues[i] = values[order[i]];
    }
    return new IdSet(sortedIds, sortedValues, complete);
  }

  /** The index of {@code id}, or a negative number if it is not in the set. */
  int indexOf(long id) {
    return Arrays.binarySearch(ids, id);
  }

  /** Whether the set can answer for {@code id}: it holds it, or it is the whole list. */
  boolean knows(long id) {
    return complete || indexOf(id) >= 0;
  }

  boolean contains(long id) {
    return indexOf(id) >= 0;
  }

  int size() {
    return ids.length;
  }
}
