package io.kith.server.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sessions recently read from the store, so that a request with a known token skips the session read. Bounded in
 * entries, and each entry lives at most {@code ttl} after it was read: a session removed from the store by another
 * node sharing it (a log-out there) is refused here within {@code ttl}. This node's own log-outs evict at once
 * ({@link #forget}). Caches only what the store has: a cached session is exactly as it was stored (its expiry is
 * checked on every request by the caller, never cached away).
 */
public final class SessionCache {
  private final KithStore store;
  private final Cache<TokenHash, Session> cache; // null: off, every request reads the store

  private SessionCache(KithStore store, Cache<TokenHash, Session> cache) {
    this.store = store;
    this.cache = cache;
  }

  /** No cache: every request reads its session from the store. */
  public static SessionCache off(KithStore store) {
    return new SessionCache(store, null);
  }

  /** At most {@code maxEntries} sessions, each kept at most {@code ttl} by {@code clock}; 0 entries: off. */
  public static SessionCache of(KithStore store, long maxEntries, Duration ttl, Clock clock) {
    if (maxEntries == 0) {
      return off(store);
    }
    return new SessionCache(store, Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfterWrite(ttl)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build());
  }

  /** The session of {@code hash}, from memory if read within the TTL, else from the store. */
  public Optional<Session> session(TokenHash hash) {
    if (cache == null) {
      return store.session(hash);
    }
    // A load in flight holds the key, so a forget() after the store's delete waits for it and then evicts: a
    // session read before a log-out is never cached after it.
    return Optional.ofNullable(cache.get(hash, key -> store.session(key).orElse(null)));
  }

  /** Evicts {@code hash}; call after the store deleted the session, before answering. */
  public void forget(TokenHash hash) {
    if (cache != null) {
      cache.invalidate(hash);
    }
  }
}
