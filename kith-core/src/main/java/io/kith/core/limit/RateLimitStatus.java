package io.kith.core.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a subject stands under one limit, as a client may be told (docs/api.md, "Limits"): the limit's {@code max},
 * how many more actions fit now, and how long until the oldest counted action leaves the window and frees room
 * (zero when nothing is counted).
 */
public record RateLimitStatus(long limit, long remaining, Duration reset) {
  public RateLimitStatus {
    Objects.requireNonNull(reset, "reset");
  }

  /**
   * Of several limits that apply to one action, the one closest to being reached: the fewest remaining, and of
   * those the longest reset (the one a client would wait longest for).
   */
  public static RateLimitStatus closest(RateLimitStatus a, RateLimitStatus b) {
    if (a.remaining != b.remaining) {
      return a.remaining < b.remaining ? a : b;
    }
    return a.reset.compareTo(b.reset) >= 0 ? a : b;
  }
}
