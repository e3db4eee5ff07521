package io.kith.bench.driver;

import io.kith.bench.peer.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What the workloads draw from: the graph, the viewers, the hot and the small accounts, created users. */
public final class Context {
  public static final int PAGE = 50;
  public static final int DEEP_PAGE = 100;
  public static final int AUTHORS = 20;

  public final Graph graph;
  public final int[] viewers;
  public final int[] hottest;
  /** Accounts with about ten followers, for the page-cost comparison with the hottest. */
  public final int[] smallAccounts;
  /**
   * Users drawn in advance with the graph's popularity skew (Zipf over users by follower count): a draw during a
   * run is one random index, so the client's own cost stays small next to the fastest store's.
   */
  private final int[] skewedDraws;
  /** Page-100 cursors of the hottest accounts, found by walking the current peer's pages once. */
  public Object[] deepCursors;
  public final AtomicInteger nextUserId;
  public final ConcurrentLinkedQueue<Integer> createdUsers = new ConcurrentLinkedQueue<>();

  public Context(Graph graph, int viewerCount, long seed) {
    this.graph = graph;
    Zipf zipf = new Zipf(graph.users, 1.0);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
    skewedDraws = new int[1 << 22];
    for (int i = 0; i < skewedDraws.length; i++) {
      skewedDraws[i] = graph.byFollowers[zipf.next(random) - 1];
    }
    viewers = new int[Math.min(viewerCount, graph.users)];
    for (int i = 0; i < viewers.length; i++) {
      viewers[i] = 1 + random.nextInt(graph.users);
    }
    hottest = java.util.Arrays.copyOf(graph.byFollowers, Math.min(10, graph.users));
    List<Integer> small = new ArrayList<>();
    for (int i = graph.byFollowers.length - 1; i >= 0 && small.size() < 100; i--) {
      int user = graph.byFollowers[i];
      if (graph.followerCounts[user] == 10) {
        small.add(user);
      }
    }
    if (small.isEmpty()) {
      small.add(graph.byFollowers[graph.byFollowers.length / 2]);
    }
    smallAccounts = small.stream().mapToInt(Integer::intValue).toArray();
    nextUserId = new AtomicInteger(graph.users + 1);
  }

  /** A user drawn with the popularity skew of the graph (Zipf over users by follower count). */
  public int skewedUser(SplittableRandom random) {
    return skewedDraws[random.nextInt(skewedDraws.length)];
  }

  public int viewer(SplittableRandom random) {
    return viewers[random.nextInt(viewers.length)];
  }

  /** Walks the first 99 pages of each hot account on {@code peer}, keeping the cursor that opens page 100. */
  public void prepareDeepCursors(Peer peer) {
    deepCursors = new Object[hottest.length];
    for (int i = 0; i < hottest.length; i++) {
      Object cursor = null;
      for (int page = 1; page < DEEP_PAGE; page++) {
        Peer.Page result = peer.followers(hottest[i], cursor, PAGE);
        if (result.next() == null) {
          break;
        }
        cursor = result.next();
      }
      deepCursors[i] = cursor;
    }
  }
}
