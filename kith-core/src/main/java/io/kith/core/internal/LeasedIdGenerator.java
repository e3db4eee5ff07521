package io.kith.core.internal;

import io.kith.core.IdGenerator;
import io.kith.core.UserId;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.TemporaryStoreException;
import java.time.Clock;
import java.util.Objects;

/**
 * Snowflake ids under a node id leased from the store: only timestamps the lease's current grant allows, so that no
 * two processes sharing a store ever issue the same id, whatever their clocks say. Without a grant in force (the
 * lease expired unrenewed, or was lost) it issues nothing: a temporary store failure, until it holds one again.
 */
public final class LeasedIdGenerator implements IdGenerator {
  private final NodeIdLease lease;
  private final Clock clock;
  /** The last (millis, sequence) issued, packed as in {@link SnowflakeIdGenerator}; millis since its epoch. */
  private long last;
  /** The node id the last id was issued under, or -1 before the first. */
  private int lastNodeId = -1;
  private boolean closed;

  public LeasedIdGenerator(NodeIdLease lease, Clock clock) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized UserId next() {
    if (closed) {
      throw new IllegalStateException("the id generator is closed");
    }
    NodeIdLease.Grant grant = lease.grant().orElseThrow(() -> new TemporaryStoreException(
        "no node id lease is held (it was lost and is being leased again): no user ids issued until then", null));
    long from = Math.max(1, grant.fromMillis() - SnowflakeIdGenerator.EPOCH_MILLIS);
    long now = Math.max(1, clock.millis() - SnowflakeIdGenerator.EPOCH_MILLIS);
    // Never before the grant's start (its earlier holders may have used those timestamps); never backwards.
    long floor = Math.max(last + 1, from << SnowflakeIdGenerator.SEQUENCE_BITS);
    long issued = Math.max(now << SnowflakeIdGenerator.SEQUENCE_BITS, floor);
    long millis = issued >>> SnowflakeIdGenerator.SEQUENCE_BITS;
    if (millis + SnowflakeIdGenerator.EPOCH_MILLIS >= grant.untilMillis()) {
      throw new TemporaryStoreException("the lease of node id " + grant.nodeId() + " ran out before it was renewed"
          + " (the store may be unreachable): no user ids issued until it is", null);
    }
    last = issued;
    lastNodeId = grant.nodeId();
    return SnowflakeIdGenerator.id(millis, grant.nodeId(), issued & SnowflakeIdGenerator.SEQUENCE_MASK);
  }

  /** Stops issuing and gives the node id back, telling the store how far its timestamps were used. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    lease.grant().ifPresent(grant -> {
      long nextFree = grant.fromMillis();
      if (lastNodeId == grant.nodeId()) {
        nextFree = Math.max(nextFree, (last >>> SnowflakeIdGenerator.SEQUENCE_BITS) + 1
            + SnowflakeIdGenerator.EPOCH_MILLIS);
      }
      lease.release(Math.min(nextFree, grant.untilMillis()));
    });
  }
}
