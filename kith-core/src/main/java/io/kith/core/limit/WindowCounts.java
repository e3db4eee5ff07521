package io.kith.core.limit;

import java.time.Duration;

/** One read of a subject's buckets under a limit, from the oldest in the window ({@code first}) to the current. */
record WindowCounts(RateLimit limit, long now, long first, long[] counts) {
  long total() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** How long before one more action fits under the limit; zero if it fits now. */
  Duration waitForOneMore() {
    long total = total();
    if (total < limit.max()) {
      return Duration.ZERO;
    }
    // Oldest buckets leave the window first: wait until enough of them have left to make room for one more.
    long excess = total - limit.max() + 1;
    for (int i = 0; i < counts.length; i++) {
      excess -= counts[i];
      if (excess <= 0) {
        return leaves(i);
      }
    }
    return limit.window();
  }

  /** The status a client is told: its reset is when the oldest counted bucket leaves the window. */
  RateLimitStatus status() {
    Duration reset = Duration.ZERO;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        reset = leaves(i);
        break;
      }
    }
    return new RateLimitStatus(limit.max(), Math.max(0, limit.max() - total()), reset);
  }

  /** These counts with one more action in the current bucket, as they are once it is counted. No read. */
  WindowCounts plusOne() {
    long[] more = counts.clone();
    more[more.length - 1]++;
    return new WindowCounts(limit, now, first, more);
  }

  private Duration leaves(int bucket) {
    long leavesAt = (first + bucket + limit.bucketCount()) * limit.bucket().toMillis();
    return Duration.ofMillis(Math.max(1, leavesAt - now));
  }
}
