package io.kith.core.spi;

import java.util.Optional;

/**
 * A node id (0-1023) that one process holds in a store, for issuing user ids ({@link io.kith.core.IdGenerator#leased}):
 * while a process holds an id, no other process sharing the store does. A store hands leases out with
 * {@link KithStore#leaseNodeId}; a shared store renews them in the background and takes back the ids of holders
 * that stopped renewing.
 *
 * <p>Times are id timestamps in milliseconds since the Unix epoch. The contract that keeps ids unique across holders
 * of one node id: a holder issues ids only with timestamps in {@code [fromMillis, untilMillis)} of its current
 * {@link Grant}, and the next holder's {@code fromMillis} is at least the last {@code untilMillis} the store granted
 * (or, after {@link #release}, the point it was released at). Clocks need not agree: the bound is on the ids
 * themselves, not on anyone's wall time.
 */
public interface NodeIdLease {

  /** What the lease allows now, or empty while this process holds no id (lost, and not yet leased again). */
  Optional<Grant> grant();

  /**
   * Gives the id back: no id was issued under it with a timestamp at or after {@code nextFreeMillis} (at least the
   * grant's {@code fromMillis}, below its {@code untilMillis}), which is where its next holder starts. Nothing is
   * issued under the lease afterwards; releasing again does nothing.
   */
  void release(long nextFreeMillis);

  /**
   * Node id {@code nodeId} may issue ids with timestamps from {@code fromMillis} (inclusive) to {@code untilMillis}
   * (exclusive; {@link Long#MAX_VALUE} for a lease that never expires). A renewal moves {@code untilMillis} on.
   */
  record Grant(int nodeId, long fromMillis, long untilMillis) {
    public Grant {
      if (nodeId < 0 || nodeId > MAX_NODE_ID) {
        throw new IllegalArgumentException("nodeId: " + nodeId + " (expected: 0-" + MAX_NODE_ID + ")");
      }
    }
  }

  /** The highest node id (ids have 10 bits for it). */
  int MAX_NODE_ID = 1023;
}
