package io.kith.server.bench;

import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.limit.RateLimiter;
import io.kith.core.relation.Follow;
import io.kith.core.relation.RelationLimits;
import io.kith.core.relation.RelationListener;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;

/**
 * Durable follows per second and WAL syncs per follow on RocksDB (sync on), the follow verb as it is (its rate
 * windows in the edge's batch) against the way it was (two synced window merges, then the edge), interleaved in
 * one JVM on one store so that both see the same machine load. Run by hand (not a test):
 *
 * <pre>
 * java -cp kith-server/target/test-classes:kith-server/target/classes:$(cat cp.txt) \
 *     io.kith.server.bench.FollowSyncBench 16 6 2000
 * </pre>
 *
 * Arguments: client threads (default 16), rounds (each mode once per round, default 6), milliseconds per mode and
 * round (default 2000).
 */
public final class FollowSyncBench {
  private static final int USERS = 20_000;

  private FollowSyncBench() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    long millis = args.length > 2 ? Long.parseLong(args[2]) : 2000;
    Path dir = Files.createTempDirectory("kith-follow-sync-bench");
    try (KithStore store = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of(
        "path", dir.toString(), "sync", "true", "statistics", "true")))) {
      Method walSyncs = store.getClass().getMethod("walSyncs");
      for (int i = 1; i <= USERS; i++) {
        store.createUser(new User(UserId.of(i), new Handle("u" + i), "", "", null, false, Instant.now()), "$x");
      }
      Clock clock = Clock.systemUTC();
      RelationLimits limits = RelationLimits.of(100_000_000, 100_000_000, 100_000_000);
      RateLimiter limiter = new RateLimiter(store, clock);
      Follow follow = new Follow(store, clock, limits, limiter, RelationListener.NONE);
      Mode now = (a, b) -> follow.execute(a, b);
      Mode before = (a, b) -> { // Follow.execute before this change: the same reads, then three synced writes
        store.relationships(a, List.of(b), clock.instant());
        store.user(b);
        store.counts(a);
        store.outgoingRequests(a);
        limiter.acquire(a.toString(), limits.followsPerDay(), limits.followsPerMinute());
        store.follow(a, b, clock.instant());
      };
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      run(pool, threads, 500, before);
      run(pool, threads, 500, now); // warm-up
      double[] totals = new double[4];
      for (int round = 0; round < rounds; round++) {
        for (int m = 0; m < 2; m++) {
          Mode mode = m == 0 ? before : now;
          long syncs = (long) walSyncs.invoke(store);
          long start = System.nanoTime();
          long follows = run(pool, threads, millis, mode);
          double seconds = (System.nanoTime() - start) / 1e9;
          double perFollow = ((long) walSyncs.invoke(store) - syncs) / (double) follows;
          totals[2 * m] += follows / seconds;
          totals[2 * m + 1] += perFollow;
          System.out.printf("round %d %-6s %8.0f follows/s  %.2f WAL syncs/follow%n", round, m == 0 ? "before" : "after",
              follows / seconds, perFollow);
        }
      }
      System.out.printf("mean   before %8.0f follows/s  %.2f WAL syncs/follow%n", totals[0] / rounds, totals[1] / rounds);
      System.out.printf("mean   after  %8.0f follows/s  %.2f WAL syncs/follow%n", totals[2] / rounds, totals[3] / rounds);
      System.out.printf("after / before: %.2f%n", totals[2] / totals[0]);
      pool.shutdown();
    }
  }

  interface Mode {
    void follow(UserId a, UserId b);
  }

  /** Follows of random pairs from {@code threads} threads for {@code millis}; how many were made. */
  private static long run(ExecutorService pool, int threads, long millis, Mode mode) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
          long a = 1 + random.nextInt(USERS);
          long b = 1 + random.nextInt(USERS);
          if (a != b) {
            mode.follow(UserId.of(a), UserId.of(b));
            done.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    return done.get();
  }
}
