package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import java.util.Arrays;
import java.util.Comparator;
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
    Integer[] order = new Integer[size];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> owners[i])
        .thenComparing(Comparator.<Integer>comparingLong(i -> since[i]).reversed())
        .thenComparing(Comparator.<Integer>comparingInt(i -> others[i]).reversed()));
    long[] counts = new long[index.users()];
    for (Integer i : order) {
      friends.put(Keys.listEntry(BulkImporter.userId(index, owners[i]), since[i],
          BulkImporter.userId(index, others[i])), new byte[0]);
      counts[owners[i]]++;
    }
    return counts;
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
