package io.kith.store.cassandra;

import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.testing.cassandra.CassandraCluster;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * A small load run for docs and reviews (not a test): follow writes and relationship checks through the store SPI,
 * on a one-node Cassandra started here and on the embedded RocksDB store, with the same threads and data. Run:
 * {@code java -cp <test classpath> io.kith.store.cassandra.LoadFigures [threads] [users] [follows] [checks]}.
 */
public final class LoadFigures {
  private LoadFigures() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int userCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int follows = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    int checks = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
    String running = System.getProperty("kith.load.contact_points");
    if (running != null) {
      cassandra(running, threads, userCount, follows, checks);
    } else {
      try (CassandraCluster cluster = CassandraCluster.start("load", 1, 1024)) {
        cassandra(cluster.contactPoints(), threads, userCount, follows, checks);
      }
    }
    KithStore rocks = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of(
        "path", Files.createTempDirectory("kith-load").toString(), "sync", "true")));
    run("rocksdb (sync=true)", rocks, threads, userCount, follows, checks);
    rocks.close();
  }

  /** On a running node ({@code -Dkith.load.contact_points=host:port}) or on one started here. */
  private static void cassandra(String contactPoints, int threads, int userCount, int follows, int checks)
      throws Exception {
    KithStore cassandra = StoreProvider.named("cassandra").open(StoreConfig.of(Map.of(
        "contact_points", contactPoints, "keyspace", "load", "replication", "SimpleStrategy:1")));
    run("cassandra (1 node, QUORUM)", cassandra, threads, userCount, follows, checks);
    cassandra.close();
  }

  private static void run(String name, KithStore store, int threads, int userCount, int follows, int checks)
      throws Exception {
    IdGenerator ids = IdGenerator.snowflake(99, Clock.systemUTC());
    List<UserId> users = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      User user = new User(ids.next(), new Handle("load" + i + "_" + ThreadLocalRandom.current().nextInt(1 << 20)),
          "", "", null, false, Instant.now());
      store.createUser(user, "$argon2id$load");
      users.add(user.id());
    }
    report(name, "follow", measure(threads, follows, (random, i) -> {
      UserId a = users.get(random.nextInt(users.size()));
      UserId b = users.get(random.nextInt(users.size()));
      if (!a.equals(b)) {
        store.follow(a, b, Instant.now());
      }
    }));
    report(name, "relationship check (1 id)", measure(threads, checks, (random, i) -> {
      UserId a = users.get(random.nextInt(users.size()));
      UserId b = users.get(random.nextInt(users.size()));
      store.relationships(a, List.of(b), Instant.now());
    }));
  }

  /** Runs {@code total} calls on {@code threads} threads; returns each latency (ns), then the wall time. */
  private static long[] measure(int threads, int total, BiConsumer<ThreadLocalRandom, Integer> call)
      throws Exception {
    long[] latencies = new long[total + 1];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    int per = total / threads;
    for (int t = 0; t < threads; t++) {
      int first = t * per;
      futures.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = first; i < first + per; i++) {
          long begin = System.nanoTime();
          call.accept(random, i);
          latencies[i] = System.nanoTime() - begin;
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    long wall = System.nanoTime() - start;
    pool.shutdown();
    // Only per * threads calls ran (total need not divide evenly); the wall time goes after the last of them.
    long[] measured = Arrays.copyOf(latencies, per * threads + 1);
    measured[per * threads] = wall;
    return measured;
  }

  private static void report(String store, String operation, long[] measured) {
    long wall = measured[measured.length - 1];
    long[] latencies = Arrays.copyOf(measured, measured.length - 1);
    Arrays.sort(latencies);
    double seconds = wall / 1e9;
    System.out.printf("%-28s %-28s %8.0f ops/s   p50 %7.2f ms   p99 %7.2f ms   (%d calls)%n", store, operation,
        latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6, latencies.length);
  }
}
