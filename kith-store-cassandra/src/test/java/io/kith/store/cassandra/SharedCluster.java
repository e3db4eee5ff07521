package io.kith.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.kith.core.spi.StoreConfig;
import io.kith.store.cassandra.internal.CassandraSettings;
import io.kith.store.cassandra.internal.CassandraStore;
import io.kith.testing.cassandra.CassandraCluster;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-node cluster every TCK class of a test run shares (started once per JVM, stopped when it ends), with one
 * keyspace per test class. A fresh store for a test is the class's keyspace truncated; a reopened store is a new
 * client on the same keyspace.
 */
final class SharedCluster {
  /** A narrow bucket span, so that paging crosses list buckets in every test that pages. */
  static final long TEST_BUCKET_SPAN_MS = 10;

  private static CassandraCluster cluster;
  /** Why the cluster did not start: every later test fails fast with it instead of starting another node. */
  private static RuntimeException startFailure;
  private static CqlSession session;
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

  private SharedCluster() {}

  static synchronized CassandraCluster cluster() {
    if (startFailure != null) {
      throw new IllegalStateException("the shared Cassandra node did not start", startFailure);
    }
    if (cluster == null) {
      try {
        cluster = CassandraCluster.start("tck", 1, 512);
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      session = cluster.connect();
    }
    return cluster;
  }

  /** The shared client (for tests that write behind the store's back). */
  static synchronized CqlSession session() {
    cluster();
    return session;
  }

  static Map<String, String> config(String keyspace) {
    return config(keyspace, TEST_BUCKET_SPAN_MS);
  }

  static Map<String, String> config(String keyspace, long bucketSpanMs) {
    Map<String, String> config = new HashMap<>();
    config.put("contact_points", cluster().contactPoints());
    config.put("keyspace", keyspace);
    config.put("replication", "SimpleStrategy:1");
    config.put("bucket_span_ms", Long.toString(bucketSpanMs));
    config.put("request_timeout_ms", "20000");
    return config;
  }

  /** An empty store on {@code keyspace} over the shared client. */
  static synchronized CassandraStore fresh(String keyspace) {
    CassandraSettings settings = CassandraSettings.from(StoreConfig.of(config(keyspace)));
    cluster();
    if (CREATED.add(keyspace)) {
      CassandraStore.createSchema(session, settings);
    }
    CassandraStore store = CassandraStore.onSession(session, settings);
    store.truncateForTests();
    return store;
  }

  /**
   * A store on {@code keyspace} over the shared client, its data kept (several tries share it: ids never repeat),
   * with the default one-day list buckets: the property tests check lists after every step, and a step is a
   * millisecond or two apart.
   */
  static synchronized CassandraStore shared(String keyspace) {
    CassandraSettings settings = CassandraSettings.from(StoreConfig.of(config(keyspace, 86_400_000L)));
    cluster();
    if (CREATED.add(keyspace)) {
      CassandraStore.createSchema(session, settings);
    }
    return CassandraStore.onSession(session, settings);
  }

  /** A store with a client of its own, as a restarted Kith node would open it (through the provider lookup). */
  static io.kith.core.spi.KithStore reopened(String keyspace) {
    return io.kith.core.spi.StoreProvider.named("cassandra").open(StoreConfig.of(config(keyspace)));
  }
}
