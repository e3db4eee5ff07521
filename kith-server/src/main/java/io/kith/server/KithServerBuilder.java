package io.kith.server;

import io.kith.core.spi.KithStore;
import io.kith.server.internal.auth.Argon2Cost;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link KithServer}. Every setter checks its value at once and fails with
 * {@code "name: value (expected: ...)"}; nothing is clamped or corrected silently.
 */
public final class KithServerBuilder {
  static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

  KithStore store;
  int port = 8080;
  int nodeId;
  Clock clock = Clock.systemUTC();
  Duration tokenLifetime = Duration.ofDays(30);
  Argon2Cost argon2 = Argon2Cost.OWASP;
  long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
  int blockingThreads = 64;
  int storeAttempts = 3;
  Duration storeBackoff = Duration.ofMillis(20);
  Duration shutdownQuietPeriod = Duration.ofMillis(500);
  Duration shutdownTimeout = Duration.ofSeconds(10);

  KithServerBuilder() {}

  /** The store to serve; the caller keeps ownership and closes it after {@link KithServer#stop()}. */
  public KithServerBuilder store(KithStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** 0 picks a free port, readable afterwards from {@link KithServer#port()}. */
  public KithServerBuilder port(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    this.port = port;
    return this;
  }

  /** The snowflake node id; must differ between servers that share a store. */
  public KithServerBuilder nodeId(int nodeId) {
    if (nodeId < 0 || nodeId > 1023) {
      throw new IllegalArgumentException("nodeId: " + nodeId + " (expected: 0-1023)");
    }
    this.nodeId = nodeId;
    return this;
  }

  public KithServerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public KithServerBuilder tokenLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "tokenLifetime");
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(366)) > 0) {
      throw new IllegalArgumentException("tokenLifetime: " + lifetime + " (expected: > 0 and <= 366 days)");
    }
    this.tokenLifetime = lifetime;
    return this;
  }

  /** Argon2id cost of new password hashes; OWASP's m=19456 KiB, t=2, p=1 by default. */
  public KithServerBuilder argon2(int memoryKiB, int iterations, int parallelism) {
    this.argon2 = new Argon2Cost(memoryKiB, iterations, parallelism);
    return this;
  }

  public KithServerBuilder maxRequestBytes(long bytes) {
    if (bytes < 1024 || bytes > 16L * 1024 * 1024) {
      throw new IllegalArgumentException("maxRequestBytes: " + bytes + " (expected: 1024-16777216)");
    }
    this.maxRequestBytes = bytes;
    return this;
  }

  /** Threads for store calls and password hashing, which must never run on the event loop. */
  public KithServerBuilder blockingThreads(int threads) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("blockingThreads: " + threads + " (expected: 1-1024)");
    }
    this.blockingThreads = threads;
    return this;
  }

  /** How often a temporarily failing store call is tried in all, and the first backoff between tries. */
  public KithServerBuilder storeRetries(int attempts, Duration initialBackoff) {
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException("storeRetries attempts: " + attempts + " (expected: 1-10)");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    if (initialBackoff.isNegative() || initialBackoff.compareTo(Duration.ofSeconds(5)) > 0) {
      throw new IllegalArgumentException("storeRetries backoff: " + initialBackoff + " (expected: 0-5s)");
    }
    this.storeAttempts = attempts;
    this.storeBackoff = initialBackoff;
    return this;
  }

  /**
   * On stop, wait until no request arrived for {@code quietPeriod} (in-flight ones finish), but never longer than
   * {@code timeout}.
   */
  public KithServerBuilder gracefulShutdown(Duration quietPeriod, Duration timeout) {
    Objects.requireNonNull(quietPeriod, "quietPeriod");
    Objects.requireNonNull(timeout, "timeout");
    if (quietPeriod.isNegative()) {
      throw new IllegalArgumentException("gracefulShutdown quietPeriod: " + quietPeriod + " (expected: >= 0)");
    }
    if (timeout.compareTo(quietPeriod) < 0) {
      throw new IllegalArgumentException(
          "gracefulShutdown timeout: " + timeout + " (expected: >= quietPeriod " + quietPeriod + ")");
    }
    this.shutdownQuietPeriod = quietPeriod;
    this.shutdownTimeout = timeout;
    return this;
  }

  public KithServer build() {
    if (store == null) {
      throw new IllegalArgumentException("store: null (expected: a KithStore, e.g. from StoreProvider.named)");
    }
    return new KithServer(this);
  }
}
