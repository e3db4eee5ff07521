package io.kith.server.testing;

import io.kith.testing.cassandra.CassandraCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Cassandra cluster of {@code size} loopback nodes for one test class: started (every node UP) before all its
 * tests and before the extensions registered after it, stopped by process after them. Pair it with
 * {@code @ExtendWith(CassandraAvailable.class)}, so that it is never started where no JDK 11/17 exists (and fails,
 * rather than skips, under CI).
 */
public final class CassandraClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private final String name;
  private final int size;
  private final int heapMb;
  private CassandraCluster cluster;

  public CassandraClusterExtension(String name, int size, int heapMb) {
    this.name = name;
    this.size = size;
    this.heapMb = heapMb;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = CassandraCluster.start(name, size, heapMb);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  public CassandraCluster cluster() {
    if (cluster == null) {
      throw new IllegalStateException("the Cassandra cluster is not running");
    }
    return cluster;
  }
}
