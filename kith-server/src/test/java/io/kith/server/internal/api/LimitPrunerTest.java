package io.kith.server.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.KithException;
import io.kith.core.limit.RateLimit;
import io.kith.core.limit.RateLimiter;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning drops only buckets no window reaches any more, and stopping it is prompt and repeatable. */
class LimitPrunerTest {
  private static final RateLimit LIMIT = RateLimit.of("test_actions", 2, Duration.ofMinutes(1), 6);

  @Test
  void prunesOnlyBucketsOutsideEveryWindow(@TempDir Path dir) {
    MutableClock clock = new MutableClock(Instant.parse("2026-09-01T00:00:00Z"));
    try (KithStore store = StoreProvider.named("rocksdb")
        .open(StoreConfig.of(Map.of("path", dir.toString(), "sync", "false")))) {
      RateLimiter limiter = new RateLimiter(store, clock);
      LimitPruner pruner = new LimitPruner(limiter, List.of(LIMIT), Duration.ofMinutes(5));
      long firstBucket = clock.millis() / LIMIT.bucket().toMillis();
      limiter.acquire("alice", LIMIT);
      limiter.acquire("alice", LIMIT);

      pruner.pruneAll();
      assertThatThrownBy(() -> limiter.acquire("alice", LIMIT)).isInstanceOf(KithException.class)
          .hasMessageContaining("at most 2 per minute");

      clock.advance(Duration.ofMinutes(2));
      assertThat(store.windowCounts(LIMIT.name(), "alice", firstBucket, firstBucket)).containsExactly(2);
      pruner.pruneAll();
      assertThat(store.windowCounts(LIMIT.name(), "alice", firstBucket, firstBucket)).containsExactly(0);
      limiter.acquire("alice", LIMIT);

      pruner.start();
      pruner.start();
      pruner.stop();
      pruner.stop();
    }
  }
}
