package io.kith.bench.peer;

import io.kith.bench.driver.Graph;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory reference: primitive hash sets for "does A follow B" and per-user arrays in follow order for the
 * lists, no durability, no serialization. What the hardware allows; the other stores' ratios are read against it.
 *
 * <p>An unfollow leaves a stale list entry, skipped by pages (its edge is gone or was re-made later); the page
 * cursor is the position in the owner's array, so a page is one bounded walk back from it.
 */
public final class MemoryPeer implements Peer {
  private static final int STRIPES = 1024;

  private final ReentrantLock[] userLocks = new ReentrantLock[STRIPES];
  private final PairMap pairs = new PairMap();
  private final ConcurrentHashMap<Integer, String> profiles = new ConcurrentHashMap<>();
  private volatile List[] followers = new List[0];
  private volatile long[] followerCounts = new long[0];
  private volatile long[] followingCounts = new long[0];
  private int capacity;

  public MemoryPeer() {
    for (int i = 0; i < STRIPES; i++) {
      userLocks[i] = new ReentrantLock();
    }
  }

  /** One user's followers: ids and times in follow order (oldest first). Guarded by the user's stripe lock. */
  static final class List {
    int size;
    int[] ids = new int[4];
    long[] times = new long[4];

    void add(int id, long time) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
      ids[size] = id;
      times[size] = time;
      size++;
    }
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String settings() {
    return "Java in-process: striped primitive hash map of edges, per-user arrays of followers, no durability";
  }

  @Override
  public void load(Graph graph) {
    capacity = graph.users + 1 + 4 * 1024 * 1024; // room for users the LinkBench mix creates
    List[] lists = new List[capacity];
    followerCounts = new long[capacity];
    followingCounts = new long[capacity];
    for (int i = 0; i < graph.edges(); i++) {
      int a = graph.from[i];
      int b = graph.to[i];
      pairs.put(key(a, b), graph.timeOf(i));
      List list = lists[b];
      if (list == null) {
        list = lists[b] = new List();
      }
      list.add(a, graph.timeOf(i));
      followerCounts[b]++;
      followingCounts[a]++;
    }
    followers = lists;
    for (int u = 1; u <= graph.users; u++) {
      profiles.put(u, "");
    }
  }

  @Override
  public int checks(int viewer, int[] others) {
    int following = 0;
    for (int other : others) {
      if (pairs.get(key(viewer, other)) != 0) {
        following++;
      }
      pairs.get(key(other, viewer)); // the other direction too, as Kith answers both
    }
    return following;
  }

  @Override
  public Page followers(int owner, Object cursor, int limit) {
    ReentrantLock lock = lockOf(owner);
    lock.lock();
    try {
      List list = followers[owner];
      if (list == null) {
        return new Page(0, null);
      }
      int p = cursor == null ? list.size - 1 : (Integer) cursor - 1;
      int found = 0;
      for (; p >= 0 && found < limit; p--) {
        if (pairs.get(key(list.ids[p], owner)) == list.times[p]) {
          found++;
        }
      }
      return new Page(found, p >= 0 ? (Object) (p + 1) : null);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long followerCount(int user) {
    return followerCounts[user];
  }

  @Override
  public boolean follow(int follower, int followee) {
    long now = System.currentTimeMillis();
    // Locks in stripe order, so two threads locking the same two stripes cannot deadlock.
    ReentrantLock first = userLocks[Math.min(stripe(follower), stripe(followee))];
    ReentrantLock second = userLocks[Math.max(stripe(follower), stripe(followee))];
    first.lock();
    second.lock();
    try {
      if (pairs.get(key(follower, followee)) != 0) {
        return false;
      }
      pairs.put(key(follower, followee), now);
      List list = followers[followee];
      if (list == null) {
        list = followers[followee] = new List();
      }
      list.add(follower, now);
      followerCounts[followee]++;
      followingCounts[follower]++;
      return true;
    } finally {
      second.unlock();
      first.unlock();
    }
  }

  @Override
  public boolean unfollow(int follower, int followee) {
    // Locks in stripe order, so two threads locking the same two stripes cannot deadlock.
    ReentrantLock first = userLocks[Math.min(stripe(follower), stripe(followee))];
    ReentrantLock second = userLocks[Math.max(stripe(follower), stripe(followee))];
    first.lock();
    second.lock();
    try {
      if (pairs.remove(key(follower, followee)) == 0) {
        return false;
      }
      followerCounts[followee]--;
      followingCounts[follower]--;
      return true;
    } finally {
      second.unlock();
      first.unlock();
    }
  }

  @Override
  public int profile(int user) {
    String bio = profiles.get(user);
    return bio == null ? 0 : bio.length() + 1;
  }

  @Override
  public void updateProfile(int user, String bio) {
    profiles.computeIfPresent(user, (id, old) -> bio);
  }

  @Override
  public void createUser(int user) {
    profiles.put(user, "");
  }

  @Override
  public void deleteUser(int user) {
    profiles.remove(user); // the mix deletes users it created, which have no edges
  }

  @Override
  public long footprintBytes() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Override
  public String footprintKind() {
    return "heap (whole bench JVM)";
  }

  @Override
  public void close() {
    followers = new List[0];
    pairs.clear();
    profiles.clear();
  }

  private ReentrantLock lockOf(int user) {
    return userLocks[stripe(user)];
  }

  private static int stripe(int user) {
    return user & (STRIPES - 1);
  }

  private static long key(int follower, int followee) {
    return ((long) follower << 32) | followee;
  }

  /** Pair -> follow time (never 0), in lock-striped open-addressing tables. */
  static final class PairMap {
    private static final int SEGMENTS = 256;
    private final Segment[] segments = new Segment[SEGMENTS];

    PairMap() {
      for (int i = 0; i < SEGMENTS; i++) {
        segments[i] = new Segment();
      }
    }

    long get(long key) {
      Segment segment = segments[(LongMix.mix(key) >>> 24) & (SEGMENTS - 1)];
      synchronized (segment) {
        return segment.get(key);
      }
    }

    void put(long key, long value) {
      Segment segment = segments[(LongMix.mix(key) >>> 24) & (SEGMENTS - 1)];
      synchronized (segment) {
        segment.put(key, value);
      }
    }

    long remove(long key) {
      Segment segment = segments[(LongMix.mix(key) >>> 24) & (SEGMENTS - 1)];
      synchronized (segment) {
        return segment.remove(key);
      }
    }

    void clear() {
      for (int i = 0; i < SEGMENTS; i++) {
        segments[i] = new Segment();
      }
    }
  }

  /** Linear probing with backward-shift deletion; key 0 never occurs (user ids are positive). */
  static final class Segment {
    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int size;

    long get(long key) {
      int mask = keys.length - 1;
      for (int i = LongMix.mix(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
      }
      return 0;
    }

    void put(long key, long value) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = LongMix.mix(key) & mask;
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        size++;
      }
      keys[i] = key;
      values[i] = value;
    }

    long remove(long key) {
      int mask = keys.length - 1;
      int i = LongMix.mix(key) & mask;
      while (keys[i] != key) {
        if (keys[i] == 0) {
          return 0;
        }
        i = (i + 1) & mask;
      }
      long value = values[i];
      // Backward shift: move later entries of the probe run into the hole so lookups never stop early.
      int hole = i;
      for (int j = (hole + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
        int home = LongMix.mix(keys[j]) & mask;
        if (((j - home) & mask) >= ((j - hole) & mask)) {
          keys[hole] = keys[j];
          values[hole] = values[j];
          hole = j;
        }
      }
      keys[hole] = 0;
      values[hole] = 0;
      size--;
      return value;
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new long[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          put(oldKeys[i], oldValues[i]);
        }
      }
    }
  }

  /** A cheap, well-spread hash of a long (Fibonacci hashing). */
  static final class LongMix {
    static int mix(long value) {
      long h = value * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
