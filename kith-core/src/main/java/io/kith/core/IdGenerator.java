package io.kith.core;

import io.kith.core.internal.LeasedIdGenerator;
import io.kith.core.internal.SnowflakeIdGenerator;
import io.kith.core.spi.NodeIdLease;
import java.time.Clock;

/** Issues unique, roughly time-ordered user ids. */
public interface IdGenerator extends AutoCloseable {
  /**
   * The next id; a {@link io.kith.core.spi.TemporaryStoreException} while a leased generator holds no valid lease.
   */
  UserId next();

  /** Stops issuing and gives back what the generator holds (a leased node id); by default nothing. */
  @Override
  default void close() {}

  /**
   * Snowflake-style ids: 41 bits of milliseconds since 2020-01-01, 10 bits of node id, 12 bits of sequence. Ids
   * from one generator are strictly increasing even if the clock steps back.
   *
   * @param nodeId 0-1023, unique among the nodes that share a store: the caller's promise, unchecked (tools and
   *     tests that own their store); servers use {@link #leased}
   */
  static IdGenerator snowflake(int nodeId, Clock clock) {
    return new SnowflakeIdGenerator(nodeId, clock);
  }

  /**
   * Snowflake ids under a node id {@code lease} from the store ({@link io.kith.core.spi.KithStore#leaseNodeId}), with
   * only the timestamps its grant allows: unique among every process sharing the store. {@link #close()} releases
   * the lease.
   */
  static IdGenerator leased(NodeIdLease lease, Clock clock) {
    return new LeasedIdGenerator(lease, clock);
  }
}
