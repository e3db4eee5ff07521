package io.kith.core.spi;

import java.util.Optional;

/**
 * Node id leases for a store that only one process can open at a time (RocksDB locks its directory): the ids this
 * process holds are all there is to know, so leases never expire. A released id is leased again only after the
 * point its last holder released it at.
 */
public final class LocalNodeIdLeases {
  private final Lease[] held = new Lease[NodeIdLease.MAX_NODE_ID + 1];
  private final long[] nextFree = new long[NodeIdLease.MAX_NODE_ID + 1];

  /** {@code preferred} if it is free, else the next free id after it (wrapping); temporary failure if none is. */
  public synchronized NodeIdLease lease(int preferred) {
    if (preferred < 0 || preferred > NodeIdLease.MAX_NODE_ID) {
      throw new IllegalArgumentException("nodeId: " + preferred + " (expected: 0-" + NodeIdLease.MAX_NODE_ID + ")");
    }
    for (int i = 0; i < held.length; i++) {
      int nodeId = (preferred + i) % held.length;
      if (held[nodeId] == null) {
        held[nodeId] = new Lease(new NodeIdLease.Grant(nodeId, nextFree[nodeId], Long.MAX_VALUE));
        return held[nodeId];
      }
    }
    throw new TemporaryStoreException("no free node id: all " + held.length + " are leased in this process", null);
  }

  private synchronized void release(Lease lease, long nextFreeMillis) {
    int nodeId = lease.grant.nodeId();
    if (held[nodeId] == lease) {
      held[nodeId] = null;
      nextFree[nodeId] = Math.max(nextFree[nodeId], nextFreeMillis);
    }
  }

  private final class Lease implements NodeIdLease {
    private final Grant grant;
    private volatile boolean released;

    Lease(Grant grant) {
      this.grant = grant;
    }

    @Override
    public Optional<Grant> grant() {
      return released ? Optional.empty() : Optional.of(grant);
    }

    @Override
    public void release(long nextFreeMillis) {
      if (!released) {
        released = true;
        LocalNodeIdLeases.this.release(this, Math.max(grant.fromMillis(), nextFreeMillis));
      }
    }
  }
}
