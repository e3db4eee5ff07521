package io.kith.server.internal.api;

import io.kith.core.limit.RateLimit;
import io.kith.core.limit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops rate-limit buckets that no window reaches any more, every {@code interval}, on one daemon thread. Limits are
 * correct without it (old buckets are simply not read); it only keeps the store from growing.
 */
public final class LimitPruner {
  private static final Logger log = LoggerFactory.getLogger(LimitPruner.class);

  private final RateLimiter rateLimiter;
  private final List<RateLimit> limits;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public LimitPruner(RateLimiter rateLimiter, List<RateLimit> limits, Duration interval) {
    this.rateLimiter = rateLimiter;
    this.limits = List.copyOf(limits);
    this.interval = interval;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kith-limit-pruner");
      thread.setDaemon(true);
      return thread;
    });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::pruneAll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops pruning and waits for a prune in progress, so the store can be closed right after. */
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdown(); // cancels the schedule; a prune in progress finishes
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("rate-limit pruning did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  /** One pass over every limit; a failure is logged and retried at the next pass. */
  public void pruneAll() {
    for (RateLimit limit : limits) {
      try {
        rateLimiter.prune(limit);
      } catch (RuntimeException e) {
        log.warn("could not prune rate-limit buckets of {}", limit.name(), e);
      }
    }
  }
}
