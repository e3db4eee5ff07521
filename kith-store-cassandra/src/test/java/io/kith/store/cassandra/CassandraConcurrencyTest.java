package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.ConcurrencyContract;
import io.kith.testing.cassandra.CassandraAvailable;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraAvailable.class)
class CassandraConcurrencyTest extends ConcurrencyContract {
  private static final String KEYSPACE = "tck_concurrency";

  @Override
  protected KithStore openStore() {
    return SharedCluster.fresh(KEYSPACE);
  }

  @Override
  protected KithStore reopenStore() {
    return SharedCluster.reopened(KEYSPACE);
  }
}
