package io.kith.core.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  /** On a whole hour, so every bucket starts exactly at a round time. */
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final WindowsOnlyStore windows = new WindowsOnlyStore();
  private final RateLimiter limiter = new RateLimiter(windows.store(), clock);
  private final RateLimit threePerMinute = RateLimit.of("test_minute", 3, Duration.ofMinutes(1), 6);

  @Test
  void allowsMaxActionsPerWindowThenRefusesWithTheExactWaitAndCountsNothing() {
    limiter.acquire("alice", threePerMinute);
    clock.advance(Duration.ofSeconds(25));
    limiter.acquire("alice", threePerMinute);
    limiter.acquire("alice", threePerMinute);

    KithException refused = refusal(() -> limiter.acquire("alice", threePerMinute));
    assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(refused.detail()).isEqualTo("too many requests: at most 3 per minute");
    // The first action's bucket (10:00:00-10:00:10) leaves the window at 10:01:00; it is 10:00:25.
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(35));
    limiter.acquire("bob", threePerMinute); // other subjects have their own budget

    clock.advance(Duration.ofSeconds(34));
    assertThat(refusal(() -> limiter.acquire("alice", threePerMinute)).retryAfter())
        .as("refused actions were not counted").contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    limiter.acquire("alice", threePerMinute);
    // Now the two actions of 10:00:20-10:00:30 and this one fill the window until 10:01:20.
    assertThat(refusal(() -> limiter.acquire("alice", threePerMinute)).retryAfter())
        .contains(Duration.ofSeconds(20));
  }

  @Test
  void acquireTellsTheClosestLimitAsItStandsOnceCounted() {
    RateLimit fivePerHour = RateLimit.of("test_hour", 5, Duration.ofHours(1), 12);
    RateLimit threePerHour = RateLimit.of("test_hour3", 3, Duration.ofHours(1), 12);
    assertThat(limiter.acquire("bob", threePerMinute, threePerHour))
        .as("a tie on remaining goes to the longer reset").isEqualTo(status(3, 2, Duration.ofHours(1)));
    assertThat(limiter.acquire("alice", threePerMinute, fivePerHour)).isEqualTo(status(3, 2, Duration.ofMinutes(1)));
    clock.advance(Duration.ofSeconds(25));
    assertThat(limiter.acquire("alice", threePerMinute, fivePerHour))
        .isEqualTo(status(3, 1, Duration.ofSeconds(35))); // the first action leaves the minute at 10:01:00
    assertThat(limiter.acquire("alice", threePerMinute, fivePerHour)).isEqualTo(status(3, 0, Duration.ofSeconds(35)));
    KithException refused = refusal(() -> limiter.acquire("alice", threePerMinute, fivePerHour));
    assertThat(refused.rateLimit()).hasValue(3);
    clock.advance(Duration.ofMinutes(1));
    // The minute is empty again; the hour has 3 of 5 spent, the oldest leaving at 11:00:00.
    assertThat(limiter.acquire("alice", threePerMinute, fivePerHour))
        .isEqualTo(status(5, 1, Duration.ofMinutes(60).minusSeconds(85)));
  }

  @Test
  void theWaitIsTheLongestAnyLimitAsksSoTheSameActionThenSucceeds() {
    RateLimit twoPerHour = RateLimit.of("test_hour", 2, Duration.ofHours(1), 12);
    limiter.acquire("alice", threePerMinute, twoPerHour);
    limiter.acquire("alice", threePerMinute, twoPerHour);
    limiter.acquire("alice", threePerMinute);

    KithException refused = refusal(() -> limiter.acquire("alice", threePerMinute, twoPerHour));
    assertThat(refused.retryAfter()).contains(Duration.ofHours(1));
    assertThat(refused.detail()).isEqualTo("too many requests: at most 2 per hour");
    clock.advance(Duration.ofMinutes(1));
    assertThat(refusal(() -> limiter.acquire("alice", threePerMinute, twoPerHour)).retryAfter())
        .contains(Duration.ofMinutes(59));
    clock.advance(Duration.ofMinutes(59));
    limiter.acquire("alice", threePerMinute, twoPerHour);
  }

  @Test
  void checkCountsNothingAndRecordCountsWithoutChecking() {
    for (int i = 0; i < 5; i++) {
      limiter.check("alice", threePerMinute);
    }
    for (int i = 0; i < 4; i++) {
      limiter.record("alice", threePerMinute); // past the limit: record never refuses
    }
    KithException refused = refusal(() -> limiter.check("alice", threePerMinute));
    assertThat(refused.detail()).isEqualTo("too many attempts: at most 3 per minute");
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(limiter.waitFor(threePerMinute, "alice")).isEqualTo(Duration.ofMinutes(1));
    assertThat(limiter.waitFor(threePerMinute, "bob")).isZero();
  }

  @Test
  void seenWithinRemembersARecordUntilItsBucketLeavesTheWindow() {
    RateLimit week = RateLimit.of("test_seen", 1, Duration.ofDays(7), 7);
    assertThat(limiter.seenWithin("alice", week)).isFalse();
    limiter.record("alice", week);
    assertThat(limiter.seenWithin("alice", week)).isTrue();
    assertThat(limiter.seenWithin("bob", week)).isFalse();
    // Recorded on March 1st at 10:00 in the bucket of March 1st: the last 7 days' buckets hold it until March 8th.
    clock.advance(Duration.parse("PT13H59M59.999S").plusDays(6));
    assertThat(limiter.seenWithin("alice", week)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.seenWithin("alice", week)).isFalse();
  }

  @Test
  void pruneDropsOnlyBucketsNoWindowCanReach() {
    limiter.acquire("alice", threePerMinute);
    clock.advance(Duration.ofSeconds(30));
    limiter.acquire("bob", threePerMinute);
    clock.advance(Duration.ofSeconds(40)); // alice's bucket has left the window, bob's has not
    limiter.prune(threePerMinute);
    assertThat(windows.buckets("test_minute")).isEqualTo(1);
    limiter.acquire("bob", threePerMinute);
    limiter.acquire("bob", threePerMinute);
    assertThat(refusal(() -> limiter.acquire("bob", threePerMinute)).retryAfter())
        .as("bob's kept bucket still counts").contains(Duration.ofSeconds(20));
  }

  @Test
  void aLimitRefusesSettingsThatCannotBeCountedInBuckets() {
    assertThatThrownBy(() -> RateLimit.of("x", 0, Duration.ofMinutes(1), 6))
        .hasMessage("x: 0 (expected: >= 1)");
    assertThatThrownBy(() -> new RateLimit("x", 1, Duration.ofMinutes(1), Duration.ofSeconds(7)))
        .hasMessageContaining("(expected: a whole number of buckets of at least 1 ms)");
    assertThatThrownBy(() -> RateLimit.of("x", 1, Duration.ofDays(10), 1_001))
        .hasMessageContaining("x window");
  }

  static KithException refusal(Runnable action) {
    try {
      action.run();
    } catch (KithException e) {
      return e;
    }
    throw new AssertionError("expected rate_limited, but the action was allowed");
  }

  private static RateLimitStatus status(long limit, long remaining, Duration reset) {
    return new RateLimitStatus(limit, remaining, reset);
  }
}
