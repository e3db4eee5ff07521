package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKED_BY;
import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWERS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_IN;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_OUT;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kith.core.Counts;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Users' {@link Adjacency} (their relation lists) in memory, so that relationship checks, the hottest read of a
 * social app, are binary searches in the viewer's one entry instead of seven RocksDB point reads per author. The
 * working set is the users who are reading right now, as in TAO's per-object association caches.
 *
 * <p>Coherence: every write that changes a user's lists calls {@link #invalidate} for both users of the pair after
 * its batch is written and before it returns. A load runs inside the cache's atomic compute for its key, and an
 * invalidation of that key waits for it: so a load that read the lists before the write is removed when the write
 * invalidates, and a load that starts after the write reads the written state. Readers never see a state older
 * than the last acknowledged write. Only this process writes the store (RocksDB holds the directory's lock), so
 * no other writer can go unnoticed.
 *
 * <p>Users' counts are kept the same way, in a second cache under the same rule: a count read for every author
 * card becomes a hash lookup, and a write invalidates the counts of both users of its pair.
 *
 * <p>Each list is kept whole up to {@link #LIST_CAP} entries; a longer one (a celebrity's followers) is kept as
 * its newest prefix marked incomplete, and questions it cannot answer go to RocksDB. Memory is bounded by weight
 * (about 16 bytes an entry).
 */
final class RelationCache {
  static final int LIST_CAP = 4_096;

  private final RocksDB db;
  private final Map<ColumnFamilies, ColumnFamilyHandle> families;
  private final Cache<Long, Adjacency> cache;
  private final Cache<Long, Counts> counts;
  /** Bumped before every invalidation: a batch read begun before a write must not fill the cache after it. */
  private final AtomicLong writes = new AtomicLong();

  private RelationCache(RocksDB db, Map<ColumnFamilies, ColumnFamilyHandle> families, long maxBytes) {
    this.db = db;
    this.families = families;
    this.cache = maxBytes == 0 ? null : Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((Long user, Adjacency adjacency) -> adjacency.weight())
        .build();
    this.counts = maxBytes == 0 ? null : Caffeine.newBuilder()
        .maximumWeight(maxBytes / 4)
        .weigher((Long user, Counts c) -> COUNTS_WEIGHT)
        .build();
  }

  /** Approximate heap bytes of one cached Counts with its key and the cache's node. */
  private static final int COUNTS_WEIGHT = 96;

  /** A cache of at most {@code maxBytes} (approximately); 0 disables it. */
  static RelationCache create(RocksDB db, Map<ColumnFamilies, ColumnFamilyHandle> families, long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("relation cache bytes: " + maxBytes + " (expected: >= 0)");
    }
    return new RelationCache(db, families, maxBytes);
  }

  boolean enabled() {
    return cache != null;
  }

  /** The user's adjacency, from the cache or read now. Only call when {@link #enabled()}. */
  Adjacency get(UserId user) throws RocksDBException {
    try {
      return cache.get(user.value(), id -> {
        try {
          return load(user);
        } catch (RocksDBException e) {
          throw new LoadFailed(e);
        }
      });
    } catch (LoadFailed e) {
      throw e.getCause();
    }
  }

  /** The user's counts, from the cache or read now. Only call when {@link #enabled()}. */
  Counts counts(UserId user) throws RocksDBException {
    try {
      return counts.get(user.value(), id -> {
        try {
          return readCounts(user);
        } catch (RocksDBException e) {
          throw new LoadFailed(e);
        }
      });
    } catch (LoadFailed e) {
      throw e.getCause();
    }
  }

  /**
   * The counts of each user, in order: those the cache holds, and one multi-get for the rest (a page of 50 cold
   * authors is one native call, not 50). The multi-get runs outside any compute, so its results are kept only if no
   * list was written since it began ({@link #invalidate} counts itself first), as the user cache's batch fill.
   */
  Counts[] counts(List<UserId> users) throws RocksDBException {
    Counts[] found = new Counts[users.size()];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < found.length; i++) {
      found[i] = counts.getIfPresent(users.get(i).value());
      if (found[i] == null) {
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    long stamp = writes.get();
    List<byte[]> keys = new ArrayList<>(missing.size() * 3);
    for (int i : missing) {
      UserId user = users.get(i);
      keys.add(Keys.counter(user, Keys.FOLLOWERS));
      keys.add(Keys.counter(user, Keys.FOLLOWING));
      keys.add(Keys.counter(user, Keys.FRIENDS));
    }
    List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), families.get(COUNTS)), keys);
    for (int j = 0; j < missing.size(); j++) {
      int i = missing.get(j);
      Counts read = new Counts(Keys.counterValue(values.get(3 * j)), Keys.counterValue(values.get(3 * j + 1)),
          Keys.counterValue(values.get(3 * j + 2)));
      found[i] = read;
      counts.asMap().compute(users.get(i).value(),
          (key, current) -> current != null ? current : writes.get() == stamp ? read : null);
    }
    return found;
  }

  /** The user's adjacency if the cache holds it, else null; never reads RocksDB. */
  Adjacency peek(UserId user) {
    return cache == null ? null : cache.getIfPresent(user.value());
  }

  /** Forgets what the cache holds for these users; call after a write to their lists is durable. */
  void invalidate(Collection<Long> users) {
    writes.incrementAndGet();
    if (cache != null && !users.isEmpty()) {
      cache.invalidateAll(users);
      counts.invalidateAll(users);
    }
  }

  /** How many users' counts the cache holds now (for tests). */
  long cachedCounts() {
    if (counts == null) {
      return 0;
    }
    counts.cleanUp();
    return counts.estimatedSize();
  }

  void clear() {
    writes.incrementAndGet();
    if (cache != null) {
      cache.invalidateAll();
      counts.invalidateAll();
    }
  }

  private Counts readCounts(UserId user) throws RocksDBException {
    List<byte[]> values = db.multiGetAsList(Collections.nCopies(3, families.get(COUNTS)),
        List.of(Keys.counter(user, Keys.FOLLOWERS), Keys.counter(user, Keys.FOLLOWING),
            Keys.counter(user, Keys.FRIENDS)));
    return new Counts(Keys.counterValue(values.get(0)), Keys.counterValue(values.get(1)),
        Keys.counterValue(values.get(2)));
  }

  private Adjacency load(UserId user) throws RocksDBException {
    return new Adjacency(timed(FOLLOWING, user), timed(FOLLOWERS, user), timed(REQUESTS_OUT, user),
        timed(REQUESTS_IN, user), timed(BLOCKING, user), timed(BLOCKED_BY, user), mutes(user));
  }

  /** One list, id -> time of the entry, up to the cap. */
  private IdSet timed(ColumnFamilies list, UserId owner) throws RocksDBException {
    List<Edge> edges = EdgeReader.page(db, families.get(list), owner, PageRequest.first(LIST_CAP + 1)).edges();
    boolean complete = edges.size() <= LIST_CAP;
    int n = Math.min(edges.size(), LIST_CAP);
    long[] ids = new long[n];
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = edges.get(i).other().value();
      times[i] = edges.get(i).at().toEpochMilli();
    }
    return IdSet.of(ids, times, complete);
  }

  /** The muting list, id -> expiry millis (0: none), read from the mutes themselves. */
  private IdSet mutes(UserId muter) throws RocksDBException {
    IdSet listed = timed(MUTING, muter);
    if (listed.size() == 0) {
      return listed;
    }
    List<byte[]> keys = new ArrayList<>(listed.size());
    for (long muted : listed.ids()) {
      keys.add(Keys.pair(muter, UserId.of(muted)));
    }
    List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), families.get(MUTES)), keys);
    long[] expiries = new long[listed.size()];
    for (int i = 0; i < expiries.length; i++) {
      // A mute removed between the list read and this one: a write's invalidation will follow; keep it unexpired.
      expiries[i] = values.get(i) == null ? 0 : Keys.muteExpiryMillis(values.get(i));
    }
    return new IdSet(listed.ids(), expiries, listed.complete());
  }

  static final class LoadFailed extends RuntimeException {
    LoadFailed(RocksDBException cause) {
      super(cause);
    }

    @Override
    public synchronized RocksDBException getCause() {
      return (RocksDBException) super.getCause();
    }
  }
}
