package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.SessionContract;
import io.kith.testing.cassandra.CassandraAvailable;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraAvailable.class)
class CassandraSessionTest extends SessionContract {
  private static final String KEYSPACE = "tck_session";

  @Override
  protected KithStore openStore() {
    return SharedCluster.fresh(KEYSPACE);
  }

  @Override
  protected KithStore reopenStore() {
    return SharedCluster.reopened(KEYSPACE);
  }
}
