package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.RetriedFaultsProperties;
import io.kith.testing.cassandra.CassandraAvailable;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Every try gets a store on one shared keyspace: tries never share ids or handles, so they cannot interfere. */
@AddLifecycleHook(CassandraAvailable.class)
class CassandraRetriedFaultsTest extends RetriedFaultsProperties {
  @Override
  protected KithStore openStore() {
    return SharedCluster.shared("tck_retried_faults");
  }
}
