package io.kith.server;

import io.kith.core.limit.LoginLimits;
import io.kith.core.relation.RelationLimits;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.auth.Argon2Cost;
import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.internal.http.CorsOrigins;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link KithServer}. Every setter checks its value at once and fails with
 * {@code "name: value (expected: ...)"}; nothing is clamped or corrected silently.
 */
public final class KithServerBuilder {
  static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
  /** Failed log-ins per handle per 15 minutes, from addresses not known to the account. */
  public static final long DEFAULT_LOGIN_FAILURE_LIMIT = LoginLimits.DEFAULT_FAILURES_PER_HANDLE;
  /** Failed log-ins per handle and client address per 15 minutes. */
  public static final long DEFAULT_LOGIN_FAILURE_LIMIT_PER_ADDRESS = LoginLimits.DEFAULT_FAILURES_PER_ADDRESS;
  public static final long DEFAULT_SIGNUP_LIMIT_PER_IP_HOUR = 20;
  /** The largest value any limit accepts: beyond it a limit means nothing. */
  static final long MAX_LIMIT = 100_000_000;
  public static final long DEFAULT_SESSION_CACHE_SIZE = 100_000;
  public static final long MAX_SESSION_CACHE_SIZE = 10_000_000;
  public static final Duration DEFAULT_SESSION_CACHE_TTL = Duration.ofSeconds(5);
  public static final Duration MAX_SESSION_CACHE_TTL = Duration.ofHours(1);

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
  long maxFollowing = RelationLimits.DEFAULT_MAX_FOLLOWING;
  long followLimitPerDay = RelationLimits.DEFAULT_FOLLOWS_PER_DAY;
  long followLimitPerMinute = RelationLimits.DEFAULT_FOLLOWS_PER_MINUTE;
  long loginFailureLimit = DEFAULT_LOGIN_FAILURE_LIMIT;
  long loginFailureLimitPerAddress = DEFAULT_LOGIN_FAILURE_LIMIT_PER_ADDRESS;
  int loginKnownAddressDays = LoginLimits.DEFAULT_KNOWN_ADDRESS_DAYS;
  long signupLimitPerIpHour = DEFAULT_SIGNUP_LIMIT_PER_IP_HOUR;
  boolean trustForwardedFor;
  Duration limitPruneInterval = Duration.ofMinutes(5);
  List<ServiceTokens.ServiceToken> serviceTokens = new ArrayList<>();
  Duration popularRefreshInterval = Duration.ofMinutes(10);
  List<String> corsOrigins = List.of();
  long sessionCacheSize = DEFAULT_SESSION_CACHE_SIZE;
  Duration sessionCacheTtl = DEFAULT_SESSION_CACHE_TTL;

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

  /**
   * The preferred snowflake node id: the server leases a node id from its store at start, this one if it is free,
   * else another, so servers sharing a store never issue the same id whatever they are given here.
   */
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

  /** The most accounts one user may follow (pending follow requests not counted); beyond, 403 limit_reached. */
  public KithServerBuilder maxFollowing(long max) {
    this.maxFollowing = checkLimit("max-following", max);
    return this;
  }

  /** Follow and follow-request actions per user per rolling 24 hours; beyond, 429 rate_limited. */
  public KithServerBuilder followLimitPerDay(long max) {
    this.followLimitPerDay = checkLimit("follow-limit-per-day", max);
    return this;
  }

  /** Follow and follow-request actions per user per rolling minute; beyond, 429 rate_limited. */
  public KithServerBuilder followLimitPerMinute(long max) {
    this.followLimitPerMinute = checkLimit("follow-limit-per-minute", max);
    return this;
  }

  /**
   * Failed log-ins per handle, from all addresses together, per rolling 15 minutes; beyond, log-ins of that handle
   * get 429, except from addresses that logged in to the account lately ({@link #loginKnownAddressDays}).
   */
  public KithServerBuilder loginFailureLimit(long max) {
    this.loginFailureLimit = checkLimit("login-failure-limit-per-handle", max);
    return this;
  }

  /**
   * Failed log-ins per handle from one client address (IPv6: per /64) per rolling 15 minutes; beyond, log-ins of
   * that handle from that address get 429, whatever the password.
   */
  public KithServerBuilder loginFailureLimitPerAddress(long max) {
    this.loginFailureLimitPerAddress = checkLimit("login-failure-limit-per-address", max);
    return this;
  }

  /**
   * How many days a successful log-in (or the sign-up) keeps its client address known to the account, exempt from
   * the per-handle failure limit.
   */
  public KithServerBuilder loginKnownAddressDays(long days) {
    if (days < 1 || days > LoginLimits.MAX_KNOWN_ADDRESS_DAYS) {
      throw new IllegalArgumentException("login-known-address-days: " + days
          + " (expected: a whole number of days 1-" + LoginLimits.MAX_KNOWN_ADDRESS_DAYS + ")");
    }
    this.loginKnownAddressDays = (int) days;
    return this;
  }

  /** Accounts created per client IP per rolling hour; beyond, 429. */
  public KithServerBuilder signupLimitPerIpHour(long max) {
    this.signupLimitPerIpHour = checkLimit("signup-limit-per-ip-hour", max);
    return this;
  }

  /**
   * Take the client IP (for the sign-up and log-in limits) from {@code X-Forwarded-For} / {@code Forwarded}. Only for a server
   * behind a proxy that sets them: anyone can send those headers, so trusting them otherwise lets a client pick its
   * own address.
   */
  public KithServerBuilder trustForwardedFor(boolean trust) {
    this.trustForwardedFor = trust;
    return this;
  }

  /** How often old rate-limit buckets are dropped from the store. */
  public KithServerBuilder limitPruneInterval(Duration interval) {
    Objects.requireNonNull(interval, "limitPruneInterval");
    if (interval.toMillis() < 1 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("limitPruneInterval: " + interval + " (expected: 1 ms to 1 day)");
    }
    this.limitPruneInterval = interval;
    return this;
  }

  /**
   * Adds a service token, {@code NAME:SCOPE[,SCOPE...]:SHA256HEX}: the SHA-256 (hex) of a random token that an
   * internal service sends as its bearer token, with the scopes it grants (e.g. {@code followers:read}).
   */
  public KithServerBuilder serviceToken(String spec) {
    Objects.requireNonNull(spec, "serviceToken");
    serviceTokens.add(ServiceTokens.parse(spec));
    new ServiceTokens(serviceTokens); // refuses a repeated name or hash now, naming it
    return this;
  }

  /** How often the popular accounts (the cold-start suggestions) are recomputed by a scan of all users. */
  public KithServerBuilder popularRefreshInterval(Duration interval) {
    Objects.requireNonNull(interval, "popularRefreshInterval");
    if (interval.toMillis() < 1 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("popularRefreshInterval: " + interval + " (expected: 1 ms to 1 day)");
    }
    this.popularRefreshInterval = interval;
    return this;
  }

  /**
   * Web origins whose pages may call the API from a browser (CORS), e.g. {@code https://app.example.com}; none by
   * default, so browsers keep every other site's pages from reading Kith's answers.
   */
  public KithServerBuilder corsOrigins(List<String> origins) {
    Objects.requireNonNull(origins, "corsOrigins");
    List<String> checked = new ArrayList<>();
    for (String origin : origins) {
      checked.add(CorsOrigins.check("cors-origins", origin));
    }
    this.corsOrigins = List.copyOf(checked);
    return this;
  }

  /** As {@link #corsOrigins(List)}, from a comma-separated list as the flag takes it. */
  public KithServerBuilder corsOrigins(String commaSeparated) {
    Objects.requireNonNull(commaSeparated, "corsOrigins");
    return corsOrigins(CorsOrigins.parse("cors-origins", commaSeparated));
  }

  /**
   * Sessions kept in memory by the authenticator: at most {@code maxEntries} (0: none, every request reads its
   * session from the store), each for at most {@code ttl} after it was read, which bounds how long a log-out
   * through another server sharing the store takes to reach this one. This server's own log-outs apply at once.
   */
  public KithServerBuilder sessionCache(long maxEntries, Duration ttl) {
    if (maxEntries < 0 || maxEntries > MAX_SESSION_CACHE_SIZE) {
      throw new IllegalArgumentException(
          "session-cache-size: " + maxEntries + " (expected: 0-" + MAX_SESSION_CACHE_SIZE + ")");
    }
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_SESSION_CACHE_TTL) > 0) {
      throw new IllegalArgumentException("session-cache-seconds: " + ttl.toSeconds() + " (expected: 1-"
          + MAX_SESSION_CACHE_TTL.toSeconds() + ")");
    }
    this.sessionCacheSize = maxEntries;
    this.sessionCacheTtl = ttl;
    return this;
  }

  private static long checkLimit(String name, long value) {
    if (value < 1 || value > MAX_LIMIT) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: 1-" + MAX_LIMIT + ")");
    }
    return value;
  }

  public KithServer build() {
    if (store == null) {
      throw new IllegalArgumentException("store: null (expected: a KithStore, e.g. from StoreProvider.named)");
    }
    return new KithServer(this);
  }
}
