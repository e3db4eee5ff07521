package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The locks that make check-then-write atomic within this process (RocksDB's LOCK file keeps other processes out).
 *
 * <ul>
 *   <li>Pair locks serialize writes to one unordered pair {A, B}: follow A->B must see B->A to maintain friends.
 *       Different pairs never contend, so follows of one hot account proceed in parallel and share group commits;
 *       their counter updates are merge operands, not read-modify-writes.</li>
 *   <li>User locks: shared by edge writes (the user must exist for the whole write), exclusive while a user is
 *       created, changed or tombstoned. Always taken in stripe order, so they cannot deadlock.</li>
 *   <li>Handle locks serialize claims of one handle.</li>
 * </ul>
 */
final class StripedLocks {
  private static final int STRIPES = 4096;

  private final ReentrantLock[] pairs = new ReentrantLock[STRIPES];
  private final ReentrantReadWriteLock[] users = new ReentrantReadWriteLock[STRIPES];
  private final ReentrantLock[] handles = new ReentrantLock[STRIPES];

  StripedLocks() {
    Arrays.setAll(pairs, i -> new ReentrantLock());
    Arrays.setAll(users, i -> new ReentrantReadWriteLock());
    Arrays.setAll(handles, i -> new ReentrantLock());
  }

  private static int stripe(long hash) {
    long mixed = hash * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 52) & (STRIPES - 1);
  }

  static int pairStripe(UserId a, UserId b) {
    long low = Math.min(a.value(), b.value());
    long high = Math.max(a.value(), b.value());
    return stripe(low * 31 + high);
  }

  static int userStripe(UserId id) {
    return stripe(id.value());
  }

  /** Locks the given pair stripes (sorted, distinct) and the shared user locks of both ends of each pair. */
  Held lockEdges(int[] pairStripes, int[] userStripes) {
    for (int s : userStripes) {
      users[s].readLock().lock();
    }
    for (int s : pairStripes) {
      pairs[s].lock();
    }
    return () -> {
      for (int i = pairStripes.length - 1; i >= 0; i--) {
        pairs[pairStripes[i]].unlock();
      }
      for (int i = userStripes.length - 1; i >= 0; i--) {
        users[userStripes[i]].readLock().unlock();
      }
    };
  }

  Held lockUserExclusively(UserId id) {
    ReentrantReadWriteLock.WriteLock lock = users[userStripe(id)].writeLock();
    lock.lock();
    return lock::unlock;
  }

  /** Locks the stripes of the given handles in stripe order. */
  Held lockHandles(String... canonicalHandles) {
    int[] stripes = Arrays.stream(canonicalHandles).mapToInt(h -> stripe(h.hashCode())).sorted().distinct().toArray();
    for (int s : stripes) {
      handles[s].lock();
    }
    return () -> {
      for (int i = stripes.length - 1; i >= 0; i--) {
        handles[stripes[i]].unlock();
      }
    };
  }

  /** A set of held locks; closing releases them. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
