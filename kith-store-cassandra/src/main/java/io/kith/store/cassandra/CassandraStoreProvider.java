package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.store.cassandra.internal.CassandraSettings;
import io.kith.store.cassandra.internal.CassandraStore;

/**
 * The Apache Cassandra / ScyllaDB backend, named {@code cassandra}. Settings (all optional):
 * <ul>
 *   <li>{@code contact_points}: {@code host[:port],...} (default {@code 127.0.0.1:9042});</li>
 *   <li>{@code keyspace} (default {@code kith}) and {@code local_datacenter} (default {@code datacenter1});</li>
 *   <li>{@code replication}: {@code SimpleStrategy:N} or {@code NetworkTopologyStrategy:dc1=N,...}, used when the
 *       keyspace is created (default {@code SimpleStrategy:1});</li>
 *   <li>{@code consistency}: reads and writes (default {@code QUORUM}); {@code serial_consistency}: lightweight
 *       transactions (default {@code SERIAL});</li>
 *   <li>{@code create_schema}: create the keyspace and tables if missing (default {@code true});</li>
 *   <li>{@code count_shards} (default 4), {@code bucket_span_ms} (list bucket width, default one day),
 *       {@code request_timeout_ms} (default 5000), {@code marker_ttl_seconds} (default 30 days).</li>
 * </ul>
 */
public final class CassandraStoreProvider implements StoreProvider {
  public static final String NAME = "cassandra";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KithStore open(StoreConfig config) {
    return CassandraStore.open(CassandraSettings.from(config));
  }
}
