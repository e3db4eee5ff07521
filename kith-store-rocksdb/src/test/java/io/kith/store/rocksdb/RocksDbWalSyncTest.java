package io.kith.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.core.limit.RateLimiter;
import io.kith.core.relation.Follow;
import io.kith.core.relation.RelationLimits;
import io.kith.core.relation.RelationListener;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.store.rocksdb.internal.RocksDbStore;
import io.kith.store.tck.StoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of a durable follow in fsyncs, counted by RocksDB itself: the follow verb's edge, counts and rate-window
 * increments go to disk in one synced write.
 */
class RocksDbWalSyncTest extends StoreContract {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Override
  protected KithStore openStore() {
    return RocksDbTesting.openWithStatistics(dir);
  }

  @Override
  protected KithStore reopenStore() {
    return RocksDbTesting.openWithStatistics(dir);
  }

  private Follow follow() {
    return new Follow(store, CLOCK, RelationLimits.defaults(), new RateLimiter(store, CLOCK), RelationListener.NONE);
  }

  private long walSyncs() {
    return ((RocksDbStore) store).walSyncs();
  }

  @Test
  void anAcknowledgedFollowCostsOneWalSync() {
    UserId ann = newUser().id();
    Follow follow = follow();
    for (int i = 0; i < 5; i++) {
      UserId other = newUser().id();
      long before = walSyncs();
      assertThat(follow.execute(ann, other)).isEqualTo(FollowOutcome.CREATED);
      assertThat(walSyncs() - before).as("WAL syncs for follow %d", i).isEqualTo(1);
    }
    // The rate windows counted every follow, in the same write.
    assertThat(follow.execute(ann, newUser().id())).isEqualTo(FollowOutcome.CREATED);
    long minuteBucket = CLOCK.millis() / RelationLimits.defaults().followsPerMinute().bucket().toMillis();
    assertThat(store.windowCounts("follows_minute", ann.toString(), minuteBucket, minuteBucket)).containsExactly(6);
  }

  @Test
  void aRepeatedFollowWritesNothing() {
    UserId ann = newUser().id();
    UserId bea = newUser().id();
    Follow follow = follow();
    follow.execute(ann, bea);
    long before = walSyncs();
    assertThat(follow.execute(ann, bea)).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
    assertThat(walSyncs() - before).isZero();
  }

  @Test
  void theCountSurvivesARestart() {
    UserId ann = newUser().id();
    follow().execute(ann, newUser().id());
    restart();
    long dayBucket = CLOCK.millis() / RelationLimits.defaults().followsPerDay().bucket().toMillis();
    assertThat(store.windowCounts("follows_day", ann.toString(), dayBucket, dayBucket)).containsExactly(1);
  }
}
