package io.kith.store.rocksdb.internal;

import java.util.concurrent.locks.StampedLock;

/**
 * The id of every existing user, in memory (about 16 bytes a user: 16 MB per million), so that the existence
 * checks of batches (which of 20 authors to answer for, whether a token's account still exists) never read
 * RocksDB. Loaded at open by a key-only scan of {@code users}; a create adds its id and a delete removes it after
 * the write is durable and before the call returns, so an acknowledged change is always seen (only this process
 * writes the directory: RocksDB's LOCK).
 *
 * <p>An open-addressing set of longs (0 marks a free slot: no user has id 0) in 64 segments, each with its own
 * lock; readers take the lock optimistically and retry under it only when a writer moved.
 */
final class ExistingUsers {
  private static final int SEGMENTS = 64;
  private static final int MIN_CAPACITY = 16;

  private final Segment[] segments = new Segment[SEGMENTS];

  ExistingUsers() {
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment();
    }
  }

  boolean contains(long id) {
    return id != 0 && segment(id).contains(id);
  }

  void add(long id) {
    if (id == 0) {
      throw new IllegalArgumentException("id: 0 (expected: a user id, never 0)");
    }
    segment(id).add(id);
  }

  void remove(long id) {
    if (id != 0) {
      segment(id).remove(id);
    }
  }

  long size() {
    long size = 0;
    for (Segment segment : segments) {
      size += segment.size();
    }
    return size;
  }

  private Segment segment(long id) {
    return segments[(int) (mix(id) >>> 58)]; // the top 6 bits; the slot uses the low ones
  }

  /** MurmurHash3's 64-bit finalizer: ids from one generator differ in few bits, a table needs them spread. */
  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }

  private static final class Segment {
    private final StampedLock lock = new StampedLock();
    private long[] table = new long[MIN_CAPACITY];
    private int size;

    boolean contains(long id) {
      long stamp = lock.tryOptimisticRead();
      boolean found = probe(table, id);
      if (lock.validate(stamp)) {
        return found;
      }
      stamp = lock.readLock();
      try {
        return probe(table, id);
      } finally {
        lock.unlockRead(stamp);
      }
    }

    /** Linear probing; bounded by the table's length, so a read racing a writer still ends (and is retried). */
    private static boolean probe(long[] table, long id) {
      int mask = table.length - 1;
      int slot = (int) mix(id) & mask;
      for (int probes = 0; probes < table.length; probes++) {
        long at = table[slot];
        if (at == id) {
          return true;
        }
        if (at == 0) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      return false;
    }

    void add(long id) {
      long stamp = lock.writeLock();
      try {
        if (insert(table, id)) {
          size++;
          if (size * 2 > table.length) {
            long[] bigger = new long[table.length * 2];
            for (long existing : table) {
              if (existing != 0) {
                insert(bigger, existing);
              }
            }
            table = bigger;
          }
        }
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    private static boolean insert(long[] table, long id) {
      int mask = table.length - 1;
      int slot = (int) mix(id) & mask;
      while (table[slot] != 0) {
        if (table[slot] == id) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = id;
      return true;
    }

    /** Backward-shift deletion: no tombstones, so probes stay as short as the load allows. */
    void remove(long id) {
      long stamp = lock.writeLock();
      try {
        int mask = table.length - 1;
        int slot = (int) mix(id) & mask;
        while (table[slot] != id) {
          if (table[slot] == 0) {
            return;
          }
          slot = (slot + 1) & mask;
        }
        size--;
        int hole = slot;
        for (int next = (hole + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
          int home = (int) mix(table[next]) & mask;
          // Move the entry back into the hole unless its home lies cyclically in (hole, next].
          boolean homeBetween = hole <= next ? hole < home && home <= next : hole < home || home <= next;
          if (!homeBetween) {
            table[hole] = table[next];
            hole = next;
          }
        }
        table[hole] = 0;
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    int size() {
      long stamp = lock.readLock();
      try {
        return size;
      } finally {
        lock.unlockRead(stamp);
      }
    }
  }
}
