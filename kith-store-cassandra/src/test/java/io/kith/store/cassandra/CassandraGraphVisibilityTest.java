package io.kith.store.cassandra;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphVisibilityProperties;
import io.kith.testing.cassandra.CassandraAvailable;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Every try gets a store on one shared keyspace: tries never share ids or handles, so they cannot interfere. */
@AddLifecycleHook(CassandraAvailable.class)
class CassandraGraphVisibilityTest extends GraphVisibilityProperties {
  @Override
  protected KithStore openStore() {
    return SharedCluster.shared("tck_graphvisibility");
  }
}
