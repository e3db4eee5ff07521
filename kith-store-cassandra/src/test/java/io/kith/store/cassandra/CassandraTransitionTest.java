package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.TransitionContract;
import io.kith.testing.cassandra.CassandraAvailable;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraAvailable.class)
class CassandraTransitionTest extends TransitionContract {
  private static final String KEYSPACE = "tck_transitions";

  @Override
  protected KithStore openStore() {
    return SharedCluster.fresh(KEYSPACE);
  }

  @Override
  protected KithStore reopenStore() {
    return SharedCluster.reopened(KEYSPACE);
  }

  /** Cassandra's changes wait on round trips more than on the CPU: more cases at once. */
  @Override
  protected int parallelism() {
    return 8;
  }
}
