package io.kith.core.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} actions per rolling {@code window}, counted in buckets of {@code bucket} (the window slides a
 * bucket at a time, so an action is forgotten between {@code window} and {@code window + bucket} after it).
 */
public record RateLimit(String name, long max, Duration window, Duration bucket) {
  public RateLimit {
    Objects.requireNonNull(name, "name");
    if (max < 1) {
      throw new IllegalArgumentException(name + ": " + max + " (expected: >= 1)");
    }
    if (bucket.toMillis() < 1 || window.toMillis() % bucket.toMillis() != 0) {
      throw new IllegalArgumentException(name + " window: " + window + " in buckets of " + bucket
          + " (expected: a whole number of buckets of at least 1 ms)");
    }
    long buckets = window.toMillis() / bucket.toMillis();
    if (buckets < 1 || buckets > 1_000) {
      throw new IllegalArgumentException(name + " buckets: " + buckets + " (expected: 1-1000)");
    }
  }

  /** A limit whose window is cut into {@code buckets} equal buckets. */
  public static RateLimit of(String name, long max, Duration window, int buckets) {
    return new RateLimit(name, max, window, window.dividedBy(buckets));
  }

  int bucketCount() {
    return (int) (window.toMillis() / bucket.toMillis());
  }
}
