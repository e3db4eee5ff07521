package io.kith.store.rocksdb.internal;

/**
 * Allocation-free versions of the {@link Keys} encodings the bulk import writes millions of times, into buffers it
 * reuses (the SST writer copies each key). Byte for byte the same as {@link Keys}: the import tests read imported
 * data back through the store, which decodes with {@link Keys}.
 */
final class KeyBytes {
  final byte[] pair = new byte[2 * Keys.ID];
  final byte[] listEntry = new byte[Keys.LIST_KEY];
  final byte[] millis = new byte[Long.BYTES];

  /** follows key: (follower, followee). */
  byte[] pair(long follower, long followee) {
    putLong(pair, 0, follower);
    putLong(pair, Keys.ID, followee);
    return pair;
  }

  /** list key: (owner, ~time, ~other). */
  byte[] listEntry(long owner, long atMillis, long other) {
    putLong(listEntry, 0, owner);
    putLong(listEntry, Keys.ID, Long.MAX_VALUE - atMillis);
    putLong(listEntry, 2 * Keys.ID, Long.MAX_VALUE - other);
    return listEntry;
  }

  /** follows value: the follow time. */
  byte[] millis(long atMillis) {
    putLong(millis, 0, atMillis);
    return millis;
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }
}
