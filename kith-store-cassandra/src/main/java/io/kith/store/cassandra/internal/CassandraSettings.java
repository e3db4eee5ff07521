package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.kith.core.spi.StoreConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The Cassandra backend's settings, read from a {@link StoreConfig}; each bad value names its setting. */
public record CassandraSettings(List<InetSocketAddress> contactPoints, String keyspace, String localDatacenter,
                                String replication, DefaultConsistencyLevel consistency,
                                DefaultConsistencyLevel serialConsistency, boolean createSchema, int countShards,
                                long bucketSpanMillis, Duration requestTimeout, int markerTtlSeconds,
                                Duration nodeLease) {
  private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public static CassandraSettings from(StoreConfig config) {
    String keyspace = config.text("keyspace", "kith");
    if (!KEYSPACE.matcher(keyspace).matches()) {
      throw new IllegalArgumentException("keyspace: " + keyspace
          + " (expected: 1-48 characters of a-z, 0-9 and _, starting with a letter)");
    }
    String datacenter = config.text("local_datacenter", "datacenter1");
    if (!DATACENTER.matcher(datacenter).matches()) {
      throw new IllegalArgumentException("local_datacenter: " + datacenter + " (expected: a datacenter name)");
    }
    return new CassandraSettings(
        contactPoints(config.text("contact_points", "127.0.0.1:9042")),
        keyspace,
        datacenter,
        Replication.parse(config.text("replication", "SimpleStrategy:1")),
        consistency("consistency", config.text("consistency", "QUORUM"), false),
        consistency("serial_consistency", config.text("serial_consistency", "SERIAL"), true),
        config.bool("create_schema", true),
        (int) config.longValue("count_shards", 4, 1, 64),
        config.longValue("bucket_span_ms", 86_400_000L, 1, 366L * 86_400_000L),
        Duration.ofMillis(config.longValue("request_timeout_ms", 5_000, 100, 120_000)),
        (int) config.longValue("marker_ttl_seconds", 30L * 86_400, 3_600, 365L * 86_400),
        Duration.ofMillis(config.longValue("node_lease_ms", 30_000, 1_000, 3_600_000)));
  }

  /** These settings with {@code create_schema} set to {@code create}. */
  public CassandraSettings withCreateSchema(boolean create) {
    return new CassandraSettings(contactPoints, keyspace, localDatacenter, replication, consistency,
        serialConsistency, create, countShards, bucketSpanMillis, requestTimeout, markerTtlSeconds, nodeLease);
  }

  static List<InetSocketAddress> contactPoints(String text) {
    List<InetSocketAddress> points = new ArrayList<>();
    for (String part : text.split(",")) {
      String trimmed = part.trim();
      int colon = trimmed.lastIndexOf(':');
      String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
      int port = 9042;
      if (colon >= 0) {
        try {
          port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      if (host.isEmpty() || port < 1 || port > 65_535) {
        throw new IllegalArgumentException("contact_points: " + text + " (expected: host[:port][,host[:port]...])");
      }
      points.add(InetSocketAddress.createUnresolved(host, port));
    }
    return List.copyOf(points);
  }

  private static DefaultConsistencyLevel consistency(String key, String text, boolean serial) {
    String name = text.trim().toUpperCase(Locale.ROOT);
    List<String> allowed = serial ? List.of("SERIAL", "LOCAL_SERIAL")
        : List.of("ONE", "TWO", "THREE", "QUORUM", "LOCAL_QUORUM", "EACH_QUORUM", "ALL", "LOCAL_ONE");
    if (!allowed.contains(name)) {
      throw new IllegalArgumentException(key + ": " + text + " (expected one of " + allowed + ")");
    }
    return DefaultConsistencyLevel.valueOf(name);
  }
}
