package io.kith.store.rocksdb.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kith.core.UserId;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.RocksDBException;

/**
 * Users' records (profile and password hash) in memory, so that the author cards of a page (a multi-get of up to
 * 100 records) and every request's own user read are hash lookups. Bounded by weight; absent users are not cached.
 *
 * <p>Coherence, as the {@link RelationCache}: every write of a user record ({@link #written}) comes after its batch
 * is written and before the call returns. A single load runs inside the cache's atomic compute for its key, which
 * an invalidation of that key waits for. A batch fill (records read by one multi-get outside any compute) is put
 * only if no user record was written since the multi-get began ({@link #stamp}): a write counts itself before it
 * invalidates, so a fill that could hold an older record either sees the count moved and is dropped, or was put
 * before the count moved and is removed by the invalidation that follows. A read never answers older than the last
 * acknowledged write. Only this process writes the directory (RocksDB's LOCK), and the bulk import runs only on a
 * stopped one, so no write goes unnoticed.
 */
final class UserCache {
  /** Approximate heap bytes of an entry besides its encoded size: key, node, record, strings' headers. */
  private static final int ENTRY_OVERHEAD = 240;

  /** Reads a record from RocksDB; null if absent. */
  interface Loader {
    Codec.UserRecord load(UserId id) throws RocksDBException;
  }

  private final Cache<Long, Codec.UserRecord> cache; // null: off
  private final AtomicLong writes = new AtomicLong();

  private UserCache(long maxBytes) {
    this.cache = maxBytes == 0 ? null : Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((Long id, Codec.UserRecord record) -> weight(record))
        .build();
  }

  /** A cache of at most {@code maxBytes} (approximately); 0 disables it. */
  static UserCache create(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("user cache bytes: " + maxBytes + " (expected: >= 0)");
    }
    return new UserCache(maxBytes);
  }

  boolean enabled() {
    return cache != null;
  }

  /** The record, from memory or loaded now (and kept); null if the user does not exist. */
  Codec.UserRecord get(UserId id, Loader loader) throws RocksDBException {
    if (cache == null) {
      return loader.load(id);
    }
    try {
      return cache.get(id.value(), key -> {
        try {
          return loader.load(id);
        } catch (RocksDBException e) {
          throw new RelationCache.LoadFailed(e);
        }
      });
    } catch (RelationCache.LoadFailed e) {
      throw e.getCause();
    }
  }

  /** The record if in memory, else null; never reads RocksDB. */
  Codec.UserRecord peek(UserId id) {
    return cache == null ? null : cache.getIfPresent(id.value());
  }

  /** Take before a multi-get whose records are then offered to {@link #fill}. */
  long stamp() {
    return writes.get();
  }

  /** Keeps {@code record}, read by a multi-get begun at {@code stamp}, unless a user write happened since. */
  void fill(UserId id, Codec.UserRecord record, long stamp) {
    if (cache == null || record == null) {
      return;
    }
    cache.asMap().compute(id.value(), (key, current) -> current != null ? current
        : writes.get() == stamp ? record : null);
  }

  /** Call after a write of {@code id}'s record is durable and before it is acknowledged. */
  void written(UserId id) {
    writes.incrementAndGet();
    if (cache != null) {
      cache.invalidate(id.value());
    }
  }

  private static int weight(Codec.UserRecord record) {
    var user = record.user();
    long chars = length(user.handle().value()) + length(user.displayName()) + length(user.bio())
        + length(user.avatarUrl()) + length(record.passwordHash());
    return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + 2 * chars);
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}
