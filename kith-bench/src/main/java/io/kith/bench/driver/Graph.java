package io.kith.bench.driver;

import io.kith.tools.EdgeListFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The graph every store is loaded with: users {@code 1..users} and edges {@code from[i] -> to[i]}, where edge
 * {@code i} was made at {@code startMillis + i} (distinct times, so every store's "newest first" agrees).
 */
public final class Graph {
  /** Kith-side node ids are user ids minus one (see RocksDbImport); all stores use the user ids. */
  public final String description;
  public final int users;
  public final int[] from;
  public final int[] to;
  public final long startMillis;
  /** Users by follower count, most followed first. */
  public final int[] byFollowers;
  public final int[] followerCounts;

  private Graph(String description, int users, int[] from, int[] to, long startMillis) {
    this.description = description;
    this.users = users;
    this.from = from;
    this.to = to;
    this.startMillis = startMillis;
    this.followerCounts = new int[users + 1];
    for (int followee : to) {
      followerCounts[followee]++;
    }
    Integer[] order = new Integer[users];
    for (int u = 0; u < users; u++) {
      order[u] = u + 1;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(followerCounts[b], followerCounts[a]));
    this.byFollowers = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  public int edges() {
    return from.length;
  }

  public long timeOf(int edge) {
    return startMillis + edge;
  }

  public long newestMillis() {
    return startMillis + Math.max(0, edges() - 1);
  }

  /** Followees Zipf (s = 1.0), followers uniform, no self-loops or repeats; the same graph for the same seed. */
  public static Graph synthetic(int users, int edges, long seed, long startMillis) {
    SplittableRandom random = new SplittableRandom(seed);
    Zipf zipf = new Zipf(users, 1.0);
    // Zipf rank r is user r: the hottest account is user 1. A fixed permutation would change nothing measured.
    int[] from = new int[edges];
    int[] to = new int[edges];
    LongHashSet seen = new LongHashSet(edges);
    int made = 0;
    long attempts = 0;
    while (made < edges) {
      if (++attempts > 20L * edges) {
        throw new IllegalArgumentException("edges: " + edges + " (expected: at most what " + users
            + " users can hold without repeats at this skew)");
      }
      int followee = zipf.next(random);
      int follower = 1 + random.nextInt(users);
      if (follower == followee || !seen.add(((long) follower << 32) | followee)) {
        continue;
      }
      from[made] = follower;
      to[made] = followee;
      made++;
    }
    return new Graph(String.format("synthetic power law: %,d users, %,d edges, followee Zipf s=1.0, follower"
        + " uniform, seed %d", users, edges, seed), users, from, to, startMillis);
  }

  /** A SNAP edge list: node n is user n + 1; repeated edges keep their first occurrence. */
  public static Graph fromFile(Path file, long startMillis) throws IOException {
    EdgeListFile list = EdgeListFile.read(file, read -> {});
    int[] from = new int[list.count()];
    int[] to = new int[list.count()];
    LongHashSet seen = new LongHashSet(list.count());
    int made = 0;
    long maxNode = 0;
    for (int i = 0; i < list.count(); i++) {
      long a = list.followers()[i];
      long b = list.followees()[i];
      if (a >= Integer.MAX_VALUE - 1 || b >= Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("node id: " + Math.max(a, b) + " (expected: < 2^31 - 2 for the bench)");
      }
      if (seen.add((a << 32) | b)) {
        from[made] = (int) a + 1;
        to[made] = (int) b + 1;
        maxNode = Math.max(maxNode, Math.max(a, b));
        made++;
      }
    }
    return new Graph(String.format("%s: %,d users, %,d edges (%,d self-loops and %,d repeats skipped)",
        file.getFileName(), maxNode + 1, made, list.selfLoops(), list.count() - made), (int) maxNode + 1,
        Arrays.copyOf(from, made), Arrays.copyOf(to, made), startMillis);
  }
}
