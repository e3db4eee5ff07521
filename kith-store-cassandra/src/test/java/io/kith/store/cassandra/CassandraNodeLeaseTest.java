package io.kith.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.kith.core.IdGenerator;
import io.kith.core.UserId;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.TemporaryStoreException;
import io.kith.store.cassandra.internal.CassandraSettings;
import io.kith.store.cassandra.internal.CassandraStore;
import io.kith.testing.cassandra.CassandraAvailable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Node id leases on the real one-node cluster, with short leases: renewal, a holder cut off from the cluster
 * (it stops issuing ids once its lease runs out, and its id is taken over only past the ids it could have issued),
 * and a holder whose id was taken over (it leases another and goes on).
 */
@ExtendWith(CassandraAvailable.class)
class CassandraNodeLeaseTest {
  private static final String KEYSPACE = "leases";
  private static final long LEASE_MS = 1_500;
  private static final Clock CLOCK = Clock.systemUTC();

  @BeforeAll
  static void createSchema() {
    SharedCluster.fresh(KEYSPACE).close();
  }

  private static CassandraSettings settings() {
    return CassandraSettings.from(StoreConfig.of(SharedCluster.config(KEYSPACE))
        .with("node_lease_ms", Long.toString(LEASE_MS)));
  }

  private static int nodeIdOf(UserId id) {
    return (int) (id.value() >>> 12) & 1023;
  }

  private static long millisOf(UserId id) {
    return (id.value() >>> 22) + 1_577_836_800_000L;
  }

  @Test
  void aHolderCutOffFromTheClusterStopsIssuingAndItsIdIsTakenOverOnlyPastItsIds() throws Exception {
    List<UserId> issued = new ArrayList<>();
    try (CqlSession own = SharedCluster.cluster().connect();
         CassandraStore cutOff = CassandraStore.onSession(own, settings());
         CassandraStore survivor = CassandraStore.onSession(SharedCluster.session(), settings())) {
      NodeIdLease lease = cutOff.leaseNodeId(700, CLOCK);
      assertThat(lease.grant().orElseThrow().nodeId()).isEqualTo(700);
      IdGenerator ids = IdGenerator.leased(lease, CLOCK);
      long firstUntil = lease.grant().orElseThrow().untilMillis();
      issued.add(ids.next());
      Thread.sleep(3 * LEASE_MS);
      issued.add(ids.next());
      assertThat(lease.grant().orElseThrow().untilMillis()).as("renewed").isGreaterThan(firstUntil);

      own.close(); // the node loses the cluster: every renewal fails from now on
      long deadline = System.currentTimeMillis() + 4 * LEASE_MS;
      TemporaryStoreException stopped = null;
      while (stopped == null && System.currentTimeMillis() < deadline) {
        try {
          issued.add(ids.next());
          Thread.sleep(5);
        } catch (TemporaryStoreException e) {
          stopped = e;
        }
      }
      assertThat(stopped).as("ids stop once the unrenewed lease runs out").isNotNull();
      long until = lease.grant().orElseThrow().untilMillis();
      assertThat(issued).allSatisfy(id -> assertThat(millisOf(id)).isLessThan(until));
      assertThatThrownBy(ids::next).isInstanceOf(TemporaryStoreException.class);

      // While the cut-off holder may still think it holds the id (slack for clocks), nobody else gets it.
      NodeIdLease meanwhile = survivor.leaseNodeId(700, CLOCK);
      assertThat(meanwhile.grant().orElseThrow().nodeId()).isNotEqualTo(700);
      meanwhile.release(meanwhile.grant().orElseThrow().fromMillis());

      Thread.sleep(Math.max(0, until + LEASE_MS + 200 - System.currentTimeMillis()));
      NodeIdLease takeover = survivor.leaseNodeId(700, CLOCK);
      NodeIdLease.Grant grant = takeover.grant().orElseThrow();
      assertThat(grant.nodeId()).as("taken over once expired").isEqualTo(700);
      assertThat(grant.fromMillis()).as("the new holder starts where the old one had to stop")
          .isGreaterThanOrEqualTo(until);
      IdGenerator next = IdGenerator.leased(takeover, CLOCK);
      UserId first = next.next();
      assertThat(first).isGreaterThan(issued.getLast());
      assertThat(issued).doesNotContain(first);
      assertThatThrownBy(ids::next).as("the old holder, still cut off").isInstanceOf(TemporaryStoreException.class);
      next.close();
    }
  }

  @Test
  void aHolderWhoseIdWasTakenOverLeasesAnotherAndGoesOn() throws Exception {
    try (CassandraStore store = CassandraStore.onSession(SharedCluster.session(), settings())) {
      NodeIdLease lease = store.leaseNodeId(720, CLOCK);
      IdGenerator ids = IdGenerator.leased(lease, CLOCK);
      assertThat(nodeIdOf(ids.next())).isEqualTo(720);

      // Another holder takes the row (as a node would that saw this one's lease long expired).
      SharedCluster.session().execute(SimpleStatement.newInstance(
          "UPDATE " + KEYSPACE + ".node_leases SET holder = uuid() WHERE node_id = 720 IF EXISTS"));
      long deadline = System.currentTimeMillis() + 4 * LEASE_MS;
      Optional<NodeIdLease.Grant> grant = lease.grant();
      while ((grant.isEmpty() || grant.get().nodeId() == 720) && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
        grant = lease.grant();
      }
      assertThat(grant).as("a new lease after losing the old one").isPresent();
      assertThat(grant.get().nodeId()).isNotEqualTo(720);
      assertThat(nodeIdOf(ids.next())).isEqualTo(grant.get().nodeId());
      ids.close();
    }
  }
}
