package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.TemporaryStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Id-generator node ids leased by lightweight transactions on {@code node_leases} (docs/consistency.md, "User
 * ids"). A lease row names its holder (a random id per lease) and {@code expires_at}: the holder issues ids only
 * with timestamps before it, and renews it every third of a lease by compare-and-set on the holder. A free id is
 * one never leased, released, or whose holder has not renewed for a further whole lease (slack for clocks that
 * disagree); whoever takes it over starts its ids at the old {@code expires_at}, so the two holders' ids never
 * meet whatever their clocks say.
 */
final class NodeLeases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeLeases.class);
  private static final int IDS = NodeIdLease.MAX_NODE_ID + 1;
  /** Lease rows read per query while looking for a free id. */
  private static final int CHUNK = 64;

  private final Cql cql;
  private final long leaseMillis;
  private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "kith-node-lease");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Lease> open = ConcurrentHashMap.newKeySet();

  NodeLeases(Cql cql, Duration lease) {
    this.cql = cql;
    this.leaseMillis = lease.toMillis();
  }

  NodeIdLease lease(int preferred, Clock clock) {
    if (preferred < 0 || preferred >= IDS) {
      throw new IllegalArgumentException("nodeId: " + preferred + " (expected: 0-" + (IDS - 1) + ")");
    }
    Lease lease = new Lease(preferred, clock);
    lease.acquire();
    if (lease.grant == null) {
      throw new TemporaryStoreException("no free node id: all " + IDS + " are leased by live Kith nodes", null);
    }
    open.add(lease);
    long every = Math.max(1, leaseMillis / 3);
    lease.renewal = renewer.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
    return lease;
  }

  /** Releases every lease still held (as though all of its timestamps were used) and stops renewing. */
  @Override
  public void close() {
    for (Lease lease : List.copyOf(open)) {
      lease.release(Long.MAX_VALUE);
    }
    renewer.shutdownNow();
  }

  private final class Lease implements NodeIdLease {
    private final int preferred;
    private final Clock clock;
    private UUID holder = UUID.randomUUID();
    private volatile Grant grant;
    private volatile boolean released;
    private ScheduledFuture<?> renewal;

    Lease(int preferred, Clock clock) {
      this.preferred = preferred;
      this.clock = clock;
    }

    @Override
    public Optional<Grant> grant() {
      return Optional.ofNullable(grant);
    }

    /**
     * One pass over the ids from the preferred one, read 64 at a time (one {@code IN} query each): takes the first
     * free one, or none.
     */
    private synchronized void acquire() {
      for (int start = 0; start < IDS && grant == null; start += CHUNK) {
        List<Integer> chunk = new ArrayList<>(CHUNK);
        for (int i = start; i < Math.min(IDS, start + CHUNK); i++) {
          chunk.add((preferred + i) % IDS);
        }
        Map<Integer, Row> rows = new HashMap<>();
        for (Row row : cql.all("SELECT node_id, holder, expires_at FROM $.node_leases WHERE node_id IN ?", chunk)) {
          rows.put(row.getInt(0), row);
        }
        for (int i = 0; i < chunk.size() && grant == null; i++) {
          tryToTake(chunk.get(i), rows.get(chunk.get(i)));
        }
      }
      if (grant != null) {
        log.info("Leased id-generator node id {} (preferred {}), ids from {} until {} (renewed every {} ms)",
            grant.nodeId(), preferred, grant.fromMillis(), grant.untilMillis(), Math.max(1, leaseMillis / 3));
      }
    }

    /** Takes {@code nodeId} if it is free ({@code row}: its lease row as read, or null if there was none). */
    private void tryToTake(int nodeId, Row row) {
      long now = clock.millis();
      if (row == null) {
        long until = now + leaseMillis;
        if (cql.applied(cql.bind("INSERT INTO $.node_leases (node_id, holder, expires_at) VALUES (?, ?, ?)"
            + " IF NOT EXISTS", nodeId, holder, until))) {
          grant = new Grant(nodeId, 0, until);
        }
        return;
      }
      UUID current = row.getUuid(1);
      long expiresAt = row.getLong(2);
      long until = Math.max(now, expiresAt) + leaseMillis;
      if (holder.equals(current)) {
        // Our own earlier attempt whose answer was lost: start after whatever it may have granted.
        if (cql.applied(cql.bind("UPDATE $.node_leases SET expires_at = ? WHERE node_id = ? IF holder = ?",
            until, nodeId, holder))) {
          grant = new Grant(nodeId, expiresAt, until);
        }
      } else if (current == null || expiresAt + leaseMillis < now) {
        if (cql.applied(cql.bind("UPDATE $.node_leases SET holder = ?, expires_at = ? WHERE node_id = ?"
            + " IF holder = ? AND expires_at = ?", holder, until, nodeId, current, expiresAt))) {
          grant = new Grant(nodeId, expiresAt, until);
        }
      }
    }

    /** Moves the lease on; if another node took it over, leases an id again (meanwhile nothing is granted). */
    private synchronized void renew() {
      if (released) {
        return;
      }
      try {
        Grant current = grant;
        if (current == null) {
          acquire();
          return;
        }
        long until = Math.max(current.untilMillis(), clock.millis() + leaseMillis);
        if (cql.applied(cql.bind("UPDATE $.node_leases SET expires_at = ? WHERE node_id = ? IF holder = ?", until,
            current.nodeId(), holder))) {
          grant = new Grant(current.nodeId(), current.fromMillis(), until);
          return;
        }
        log.warn("Lost the lease of id-generator node id {} to another node; leasing one again", current.nodeId());
        grant = null;
        holder = UUID.randomUUID();
        acquire();
      } catch (RuntimeException e) {
        // The lease runs out by itself if this keeps failing: ids stop until a renewal gets through.
        Grant current = grant;
        log.warn("Could not renew the lease of id-generator node id {} (valid until {}): {}",
            current == null ? "(none)" : current.nodeId(), current == null ? "-" : current.untilMillis(),
            e.toString());
      }
    }

    @Override
    public synchronized void release(long nextFreeMillis) {
      if (released) {
        return;
      }
      released = true;
      open.remove(this);
      if (renewal != null) {
        renewal.cancel(false);
      }
      Grant current = grant;
      grant = null;
      if (current == null) {
        return;
      }
      long nextFree = Math.min(Math.max(nextFreeMillis, current.fromMillis()), current.untilMillis());
      try {
        cql.applied(cql.bind("UPDATE $.node_leases SET holder = null, expires_at = ? WHERE node_id = ?"
            + " IF holder = ?", nextFree, current.nodeId(), holder));
      } catch (RuntimeException e) {
        // Still safe: the row keeps this holder until its expiry, and is taken over after that.
        log.warn("Could not release id-generator node id {}: {}", current.nodeId(), e.toString());
      }
    }
  }
}
