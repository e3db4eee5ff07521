package io.kith.core.relation;

import io.kith.core.limit.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * The anti-spam limits on following: a cap on how many accounts one may follow, and rolling-window rates of follow
 * actions (follows and follow requests alike).
 */
public record RelationLimits(long maxFollowing, RateLimit followsPerDay, RateLimit followsPerMinute) {
  public static final long DEFAULT_MAX_FOLLOWING = 10_000;
  public static final long DEFAULT_FOLLOWS_PER_DAY = 200;
  public static final long DEFAULT_FOLLOWS_PER_MINUTE = 30;

  public RelationLimits {
    if (maxFollowing < 1) {
      throw new IllegalArgumentException("maxFollowing: " + maxFollowing + " (expected: >= 1)");
    }
    Objects.requireNonNull(followsPerDay, "followsPerDay");
    Objects.requireNonNull(followsPerMinute, "followsPerMinute");
  }

  /** 24 hours in 15-minute buckets; a minute in 10-second buckets. */
  public static RelationLimits of(long maxFollowing, long followsPerDay, long followsPerMinute) {
    return new RelationLimits(maxFollowing,
        RateLimit.of("follows_day", followsPerDay, Duration.ofDays(1), 96),
        RateLimit.of("follows_minute", followsPerMinute, Duration.ofMinutes(1), 6));
  }

  public static RelationLimits defaults() {
    return of(DEFAULT_MAX_FOLLOWING, DEFAULT_FOLLOWS_PER_DAY, DEFAULT_FOLLOWS_PER_MINUTE);
  }
}
