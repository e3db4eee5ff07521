package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import java.util.Arrays;
import org.rocksdb.RocksDBException;

/**
 * The friend entries an import adds: one per side of each mutual pair it completes, dated by the later of the two
 * follows, as the online write path dates them. A pair completed by two imported edges is found from both sides;
 * a pair whose other edge was already stored is found once, from the imported edge, and writes both sides.
 */
final class FriendEntries {
  /** The stored time of a follow, or -1 when there is none. */
  @FunctionalInterface
  interface StoredFollowTime {
    long of(UserId follower, UserId followee);
  }

  private int size;
  private int[] owners = new int[1024];
  private int[] others = new int[1024];
  private long[] since = new long[1024];
  private long friendships;

  static FriendEntries collect(EdgeIndex index, long newestAtMillis, StoredFollowTime stored) {
    FriendEntries entries = new FriendEntries();
    for (int u = 0; u < index.users(); u++) {
      for (int p = index.outStart[u]; p < index.outStart[u + 1]; p++) {
        int edge = index.edgeAt(p);
        if (index.dropped[edge]) {
          continue;
        }
        int v = index.followeeAt(p);
        long at = BulkImporter.timeOf(index, edge, newestAtMillis);
        int reverse = index.keptEdge(v, u);
        if (reverse >= 0) {
          entries.add(u, v, Math.max(at, BulkImporter.timeOf(index, reverse, newestAtMillis)));
          if (u < v) {
            entries.friendships++;
          }
          continue;
        }
        long storedAt = stored.of(BulkImporter.userId(index, v), BulkImporter.userId(index, u));
        if (storedAt >= 0) {
          long friendsSince = Math.max(at, storedAt);
          entries.add(u, v, friendsSince);
          entries.add(v, u, friendsSince);
          entries.friendships++;
        }
      }
    }
    return entries;
  }

  int size() {
    return size;
  }

  long friendships() {
    return friendships;
  }

  /** Writes the entries in key order (owner, newest first, larger id first); returns each user's new friends. */
  long[] write(SstBuilder friends, EdgeIndex index) throws RocksDBException {
    long[] counts = new long[index.users()];
    for (int i = 0; i < size; i++) {
      counts[owners[i]]++;
    }
    // Counting sort by owner (dense order is id order), then each owner's few entries by (since, other) descending.
    int[] start = new int[index.users() + 1];
    for (int u = 0; u < index.users(); u++) {
      start[u + 1] = start[u] + (int) counts[u];
    }
    int[] next = Arrays.copyOf(start, index.users());
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[next[owners[i]]++] = i;
    }
    KeyBytes keys = new KeyBytes();
    byte[] empty = new byte[0];
    for (int u = 0; u < index.users(); u++) {
      sortNewestFirst(order, start[u], start[u + 1]);
      long owner = BulkImporter.kithId(index, u);
      for (int p = start[u]; p < start[u + 1]; p++) {
        int i = order[p];
        friends.put(keys.listEntry(owner, since[i], BulkImporter.kithId(index, others[i])), empty);
      }
    }
    return counts;
  }

  /** Sorts one owner's entries newest first, then larger other first (dense others are in id order). */
  private void sortNewestFirst(int[] order, int from, int to) {
    if (to - from > 64) { // the rare user with many friends: n log n, boxed
      Integer[] boxed = new Integer[to - from];
      for (int p = from; p < to; p++) {
        boxed[p - from] = order[p];
      }
      Arrays.sort(boxed, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
      for (int p = from; p < to; p++) {
        order[p] = boxed[p - from];
      }
      return;
    }
    for (int p = from + 1; p < to; p++) {
      int entry = order[p];
      int q = p - 1;
      while (q >= from && before(entry, order[q])) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = entry;
    }
  }

  private boolean before(int a, int b) {
    return since[a] > since[b] || (since[a] == since[b] && others[a] > others[b]);
  }

  private void add(int owner, int other, long at) {
    if (size == owners.length) {
      owners = Arrays.copyOf(owners, 2 * size);
      others = Arrays.copyOf(others, 2 * size);
      since = Arrays.copyOf(since, 2 * size);
    }
    owners[size] = owner;
    others[size] = other;
    since[size] = at;
    size++;
  }
}
