package io.kith.store.rocksdb.internal;

import java.util.Arrays;

/**
 * An edge list made ready for sorted output: users renumbered densely (in id order, so dense order is key order),
 * edges bucketed by follower and by followee with counting sorts (O(E), stable: each bucket keeps file order), and
 * each follower's bucket also sorted by followee, which finds duplicate edges and answers "does B follow A" by
 * binary search when friendships are derived.
 *
 * <p>Edge {@code i} is the file's {@code i}-th edge; an import dates it by {@code i}, so file order is follow order.
 */
final class EdgeIndex {
  /** Largest node id renumbered through a direct lookup table; beyond it, a binary search per endpoint. */
  private static final long DIRECT_LOOKUP_LIMIT = 1L << 26;

  /** The dataset's node ids that occur, ascending and distinct; dense user {@code u} is node {@code nodes[u]}. */
  final long[] nodes;
  final int edgeCount;
  final int[] from;
  final int[] to;
  /** Follower {@code u}'s edges are positions {@code outStart[u]} to {@code outStart[u + 1]} of the out arrays. */
  final int[] outStart;
  /** Edge ids per follower bucket, in file order. */
  final int[] outByTime;
  /** {@code (followee << 32) | edge} per follower bucket, ascending: by followee, then first occurrence first. */
  final long[] outByFollowee;
  final int[] inStart;
  /** Edge ids per followee bucket, in file order. */
  final int[] inByTime;
  /** Edges not to write: repeats of an earlier edge in the file, or edges the store already holds. */
  final boolean[] dropped;
  final long duplicates;

  private EdgeIndex(long[] nodes, int edgeCount, int[] from, int[] to) {
    this.nodes = nodes;
    this.edgeCount = edgeCount;
    this.from = from;
    this.to = to;
    this.outStart = bucketStarts(from, edgeCount, nodes.length);
    this.outByTime = stableBuckets(from, edgeCount, outStart);
    this.inStart = bucketStarts(to, edgeCount, nodes.length);
    this.inByTime = stableBuckets(to, edgeCount, inStart);
    this.outByFollowee = new long[edgeCount];
    this.dropped = new boolean[edgeCount];
    long repeats = 0;
    for (int u = 0; u < nodes.length; u++) {
      int start = outStart[u];
      int end = outStart[u + 1];
      for (int p = start; p < end; p++) {
        int edge = outByTime[p];
        outByFollowee[p] = ((long) to[edge] << 32) | edge;
      }
      Arrays.sort(outByFollowee, start, end);
      for (int p = start + 1; p < end; p++) {
        if (followeeAt(p) == followeeAt(p - 1)) {
          dropped[edgeAt(p)] = true; // the run's first entry is the earliest occurrence, the one kept
          repeats++;
        }
      }
    }
    this.duplicates = repeats;
  }

  /** Indexes the first {@code count} edges {@code followers[i] -> followees[i]} (dataset node ids, no self-loops). */
  static EdgeIndex of(long[] followers, long[] followees, int count) {
    long[] all = new long[2 * count];
    System.arraycopy(followers, 0, all, 0, count);
    System.arraycopy(followees, 0, all, count, count);
    Arrays.parallelSort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    long[] nodes = Arrays.copyOf(all, distinct);
    all = null;
    int[] from = new int[count];
    int[] to = new int[count];
    if (distinct > 0 && nodes[0] >= 0 && nodes[distinct - 1] <= DIRECT_LOOKUP_LIMIT) {
      int[] dense = new int[(int) nodes[distinct - 1] + 1];
      for (int u = 0; u < distinct; u++) {
        dense[(int) nodes[u]] = u;
      }
      for (int i = 0; i < count; i++) {
        from[i] = dense[(int) followers[i]];
        to[i] = dense[(int) followees[i]];
      }
    } else {
      for (int i = 0; i < count; i++) {
        from[i] = Arrays.binarySearch(nodes, followers[i]);
        to[i] = Arrays.binarySearch(nodes, followees[i]);
      }
    }
    return new EdgeIndex(nodes, count, from, to);
  }

  int users() {
    return nodes.length;
  }

  int followeeAt(int outPosition) {
    return (int) (outByFollowee[outPosition] >>> 32);
  }

  int edgeAt(int outPosition) {
    return (int) outByFollowee[outPosition];
  }

  /**
   * The kept edge {@code follower -> followee} from the file, or -1: a binary search in the follower's bucket.
   * Of repeated edges, the first occurrence is the one kept.
   */
  int keptEdge(int follower, int followee) {
    int start = outStart[follower];
    int end = outStart[follower + 1];
    int p = Arrays.binarySearch(outByFollowee, start, end, (long) followee << 32);
    if (p < 0) {
      p = -p - 1;
    }
    if (p < end && followeeAt(p) == followee && !dropped[edgeAt(p)]) {
      return edgeAt(p);
    }
    return -1;
  }

  private static int[] bucketStarts(int[] owners, int count, int users) {
    int[] starts = new int[users + 1];
    for (int i = 0; i < count; i++) {
      starts[owners[i] + 1]++;
    }
    for (int u = 0; u < users; u++) {
      starts[u + 1] += starts[u];
    }
    return starts;
  }

  private static int[] stableBuckets(int[] owners, int count, int[] starts) {
    int[] next = Arrays.copyOf(starts, starts.length - 1);
    int[] edges = new int[count];
    for (int i = 0; i < count; i++) {
      edges[next[owners[i]]++] = i;
    }
    return edges;
  }
}
