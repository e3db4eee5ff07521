package io.kith.server.internal.api;

import io.kith.core.query.PopularAccounts;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the popular accounts (a scan of every user) on one daemon thread: once right after start, then every
 * {@code interval}. Requests only read the last ranking, so suggestions never pay for the scan; until the first
 * scan ends, the popular fallback is simply empty.
 */
public final class PopularRefresher {
  /** How many popular accounts are kept: enough to fill a page of 50 after the caller's follows are left out. */
  public static final int KEEP = 200;
  private static final Logger log = LoggerFactory.getLogger(PopularRefresher.class);

  private final PopularAccounts popular;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public PopularRefresher(PopularAccounts popular, Duration interval) {
    this.popular = popular;
    this.interval = interval;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kith-popular-accounts");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops refreshing and waits for a scan in progress to end, however long it takes: the store is closed right
   * after, and closing it under a running scan would be far worse than a slower shutdown.
   */
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow(); // cancels the schedule and interrupts a scan in progress
    try {
      while (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.info("waiting for the popular-accounts scan to end before the store closes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  /** One scan now, on the calling thread; a failure is logged and the previous ranking kept. */
  public void refresh() {
    try {
      popular.refresh();
    } catch (RuntimeException e) {
      log.warn("could not refresh popular accounts; keeping the previous ranking", e);
    }
  }
}
