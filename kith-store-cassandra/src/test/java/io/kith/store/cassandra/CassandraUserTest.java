package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.UserContract;
import io.kith.testing.cassandra.CassandraAvailable;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraAvailable.class)
class CassandraUserTest extends UserContract {
  private static final String KEYSPACE = "tck_user";

  @Override
  protected KithStore openStore() {
    return SharedCluster.fresh(KEYSPACE);
  }

  @Override
  protected KithStore reopenStore() {
    return SharedCluster.reopened(KEYSPACE);
  }
}
