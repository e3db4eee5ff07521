package io.kith.core.limit;

import io.kith.core.KithException;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.WindowCharge;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Enforces {@link RateLimit}s with counters kept in the store, so limits hold across restarts and across every node
 * that shares the store. Check-then-add is not atomic: under a burst of parallel requests from one subject a limit
 * can be overshot by the number of requests in flight, never more.
 */
public final class RateLimiter {
  private final KithStore store;
  private final Clock clock;

  public RateLimiter(KithStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Counts one action of {@code subject} against every limit, or throws {@code rate_limited} without counting; the
   * answer's wait is the longest any of the limits asks, so that the same action succeeds once it has passed.
   * Returns where {@code subject} stands once this action is counted, under the limit closest to being reached
   * (computed from the counts already read for the check: no further read).
   */
  public RateLimitStatus acquire(String subject, RateLimit... limits) {
    Charge charge = charge(subject, limits);
    for (WindowCharge window : charge.windows()) {
      store.addToWindow(window.limiter(), window.subject(), window.bucket(), window.delta());
    }
    return charge.status();
  }

  /** The increments one action adds to its limits' windows, and where its subject stands once they are added. */
  public record Charge(List<WindowCharge> windows, RateLimitStatus status) {
    public Charge {
      windows = List.copyOf(windows);
    }
  }

  /**
   * Like {@link #acquire}, but counts nothing itself: returns the increments for the caller's store write to apply
   * with its effect ({@link KithStore#follow(io.kith.core.UserId, io.kith.core.UserId, java.time.Instant, List)}),
   * so that the action is counted in the same atomic, durable write and only if it took effect.
   */
  public Charge charge(String subject, RateLimit... limits) {
    long now = clock.millis();
    RateLimitStatus status = refuseIfOver(subject, now, "too many requests", limits);
    List<WindowCharge> charges = new ArrayList<>(limits.length);
    for (RateLimit limit : limits) {
      charges.add(new WindowCharge(limit.name(), subject, now / limit.bucket().toMillis(), 1));
    }
    return new Charge(charges, status);
  }

  /** Whether {@code subject} is within every limit now, counting nothing. */
  public void check(String subject, RateLimit... limits) {
    refuseIfOver(subject, clock.millis(), "too many attempts", limits);
  }

  /**
   * Whether {@code subject} was counted under {@code window} within its window: a record of something that
   * happened lately (like a successful log-in from an address) rather than a limit. One read.
   */
  public boolean seenWithin(String subject, RateLimit window) {
    long current = clock.millis() / window.bucket().toMillis();
    for (long count : store.windowCounts(window.name(), subject, current - window.bucketCount() + 1, current)) {
      if (count > 0) {
        return true;
      }
    }
    return false;
  }

  /** Counts one action without checking (for failures counted after the fact, like a wrong password). */
  public void record(String subject, RateLimit limit) {
    store.addToWindow(limit.name(), subject, clock.millis() / limit.bucket().toMillis(), 1);
  }

  /** Drops buckets older than any window of {@code limit} can reach. */
  public void prune(RateLimit limit) {
    long current = clock.millis() / limit.bucket().toMillis();
    store.pruneWindows(limit.name(), current - limit.bucketCount());
  }

  /**
   * Throws {@code rate_limited} with the longest wait any of {@code limits} asks of {@code subject}, if any;
   * otherwise returns the closest limit's status as it will be once one more action is counted.
   */
  private RateLimitStatus refuseIfOver(String subject, long now, String what, RateLimit... limits) {
    Duration longest = Duration.ZERO;
    RateLimit reached = null;
    RateLimitStatus closest = null;
    for (RateLimit limit : limits) {
      WindowCounts counts = read(limit, subject, now);
      Duration wait = counts.waitForOneMore();
      if (wait.compareTo(longest) > 0) {
        longest = wait;
        reached = limit;
      }
      RateLimitStatus status = counts.plusOne().status();
      closest = closest == null ? status : RateLimitStatus.closest(closest, status);
    }
    if (reached != null) {
      throw limited(what, reached, longest);
    }
    return closest;
  }

  /** How long {@code subject} must wait before one more action fits under {@code limit}; zero if it fits now. */
  Duration waitFor(RateLimit limit, String subject) {
    return waitFor(limit, subject, clock.millis());
  }

  /** One read of {@code subject}'s buckets in {@code limit}'s window now. */
  WindowCounts read(RateLimit limit, String subject) {
    return read(limit, subject, clock.millis());
  }

  static KithException limited(String what, RateLimit limit, Duration wait) {
    return KithException.rateLimited(what + ": at most " + limit.max() + " per " + describe(limit.window()), wait,
        limit.max());
  }

  private WindowCounts read(RateLimit limit, String subject, long now) {
    long current = now / limit.bucket().toMillis();
    long first = current - limit.bucketCount() + 1;
    return new WindowCounts(limit, now, first, store.windowCounts(limit.name(), subject, first, current));
  }

  private Duration waitFor(RateLimit limit, String subject, long now) {
    return read(limit, subject, now).waitForOneMore();
  }

  private static String describe(Duration window) {
    if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
      return window.toDays() == 1 ? "24 hours" : window.toDays() + " days";
    }
    if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
      return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
    }
    if (window.toMinutes() > 0 && window.equals(Duration.ofMinutes(window.toMinutes()))) {
      return window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes";
    }
    return window.toSeconds() + " seconds";
  }
}
