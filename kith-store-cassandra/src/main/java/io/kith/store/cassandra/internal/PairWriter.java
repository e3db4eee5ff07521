package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.User;
import io.kith.core.UserId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Every change to a pair of users, on every Kith node alike (docs/consistency.md):
 * <ol>
 *   <li>read both users and the pair row; finish the row's pending change first, if it has one;</li>
 *   <li>compute the next state; if nothing changes, answer now;</li>
 *   <li>note the pair in {@code pending_pairs}, then compare-and-set the row on its {@code version} (LWT), storing
 *       the state before the change as {@code pending}: this is the commit point, and it serializes the pair across
 *       all nodes as RocksDB's pair lock does on one;</li>
 *   <li>{@link #complete}: write the derived list entries (one logged batch, at the change's timestamp), add the
 *       count deltas once per operation id, re-read both users (a deletion or a switch to public may have raced the
 *       change and is applied to the pair now), then clear {@code pending} by compare-and-set.</li>
 * </ol>
 * Every step may be repeated by anyone who finds the row pending, so a node dying mid-change loses nothing.
 */
final class PairWriter {
  /** Shards of the {@code pending_pairs} work list. */
  static final int PENDING_SHARDS = 16;

  /** The next state of a pair, given its current state and both users (null when absent). */
  @FunctionalInterface
  interface Transition {
    PairState next(PairState current, Map<UserId, User> users);
  }

  private final Cql cql;
  private final UserRows users;
  private final EdgeLists lists;
  private final CountShards counts;

  PairWriter(Cql cql, UserRows users, EdgeLists lists, CountShards counts) {
    this.cql = cql;
    this.users = users;
    this.lists = lists;
    this.counts = counts;
  }

  Cql cql() {
    return cql;
  }

  /** Applies {@code transition} to the pair {a, b}; returns the pair's state once the change is complete. */
  PairState change(UserId a, UserId b, Transition transition) {
    while (true) {
      CompletableFuture<PairRows> pair = readAsync(a, b);
      Map<UserId, User> both = readUsers(a, b);
      PairRows row = pair.join();
      if (row.pendingOp() != null) {
        complete(row);
        continue;
      }
      // Settled against the users just read: a deleted user's pairs clear, requests to public accounts follow.
      PairState next = settle(transition.next(row.state(), both), both);
      if (next.equals(row.state())) {
        return row.state();
      }
      UUID op = UUID.randomUUID();
      long ts = nextTimestamp(row);
      note(row.state(), op);
      String pending = op + "|" + row.state().encode();
      boolean applied = row.exists()
          ? cql.applied(update(next, row.version() + 1, ts, pending, row.version()))
          : cql.applied(insert(next, ts, pending));
      if (!applied) {
        unnote(row.state(), op);
        continue; // another node changed the pair first: decide again on what it wrote
      }
      return complete(new PairRows(next, row.version() + 1, ts, op, row.state()));
    }
  }

  /** Finishes the pending change of {@code row} and whatever it leads to; returns the settled state. */
  PairState complete(PairRows row) {
    while (true) {
      Effects effects = Effects.between(row.pendingBefore(), row.state());
      // Entries and counts are independent of each other; both must be in before the users are read again.
      CompletableFuture<Void> entries = lists.applyAsync(effects, row.timestampMicros());
      counts.addAll(effects.deltas(), row.pendingOp());
      entries.join();
      PairState settled = settle(row.state(), readUsers(row.state().lo(), row.state().hi()));
      boolean applied;
      UUID op = null;
      long ts = 0;
      if (settled.equals(row.state())) {
        applied = cql.applied(cql.bind("UPDATE $.pairs SET pending = null WHERE lo = ? AND hi = ? IF version = ?",
            row.state().lo().value(), row.state().hi().value(), row.version()));
      } else {
        op = UUID.randomUUID();
        ts = nextTimestamp(row);
        note(row.state(), op);
        applied = cql.applied(update(settled, row.version() + 1, ts, op + "|" + row.state().encode(),
            row.version()));
      }
      if (applied) {
        unnote(row.state(), row.pendingOp());
        if (op == null) {
          return row.state();
        }
        row = new PairRows(settled, row.version() + 1, ts, op, row.state());
        continue;
      }
      // Someone else finished this change (and maybe made another): carry on from what is there now.
      if (op != null) {
        unnote(row.state(), op);
      }
      PairRows now = read(row.state().lo(), row.state().hi());
      if (now.pendingOp() == null) {
        return now.state();
      }
      row = now;
    }
  }

  /**
   * The state a pair must be in given its users: nothing left if either is gone, and a request to an account that
   * is public now becomes a follow.
   */
  static PairState settle(PairState state, Map<UserId, User> users) {
    if (users.get(state.lo()) == null || users.get(state.hi()) == null) {
      return state.cleared();
    }
    PairState settled = state;
    for (int dir : new int[] {PairState.LH, PairState.HL}) {
      if (state.request()[dir] != null && !users.get(state.to(dir)).isPrivate() && !state.blockedEitherWay()) {
        if (settled == state) {
          settled = state.copy();
        }
        settled.request()[dir] = null;
        if (settled.follow()[dir] == null) {
          settled.follow()[dir] = System.currentTimeMillis();
        }
      }
    }
    return settled;
  }

  PairRows read(UserId a, UserId b) {
    return readAsync(a, b).join();
  }

  private CompletableFuture<PairRows> readAsync(UserId a, UserId b) {
    PairState empty = PairState.empty(a, b);
    return cql.async(cql.bind("SELECT " + PairRows.COLUMNS + " FROM $.pairs WHERE lo = ? AND hi = ?",
            empty.lo().value(), empty.hi().value())).toCompletableFuture()
        .thenApply(rs -> {
          Row row = rs.one();
          return row == null ? PairRows.absent(a, b) : PairRows.of(empty.lo(), empty.hi(), row);
        });
  }

  Map<UserId, User> readUsers(UserId a, UserId b) {
    List<UserRows.Stored> found = users.readAll(List.of(a, b));
    Map<UserId, User> both = new HashMap<>();
    both.put(a, found.get(0) == null ? null : found.get(0).user());
    both.put(b, found.get(1) == null ? null : found.get(1).user());
    return both;
  }

  /** Finishes every change left pending (by a node that died, or a call that timed out); returns how many. */
  int repairPending() {
    int repaired = 0;
    for (int shard = 0; shard < PENDING_SHARDS; shard++) {
      for (Row marker : cql.all("SELECT lo, hi, op FROM $.pending_pairs WHERE shard = ?", shard)) {
        UserId lo = UserId.of(marker.getLong(0));
        UserId hi = UserId.of(marker.getLong(1));
        PairRows row = read(lo, hi);
        if (row.pendingOp() != null) {
          complete(row);
          repaired++;
        }
        if (!marker.getUuid(2).equals(row.pendingOp())) {
          cql.execute(cql.bind("DELETE FROM $.pending_pairs WHERE shard = ? AND lo = ? AND hi = ? AND op = ?",
              shard, lo.value(), hi.value(), marker.getUuid(2)));
        }
      }
    }
    return repaired;
  }

  private void note(PairState pair, UUID op) {
    cql.execute(cql.bind("INSERT INTO $.pending_pairs (shard, lo, hi, op) VALUES (?, ?, ?, ?)", shard(pair),
        pair.lo().value(), pair.hi().value(), op));
  }

  /**
   * Drops a note without waiting: a note left behind (the delete failed) only makes the next repair look at a pair
   * that needs nothing.
   */
  private void unnote(PairState pair, UUID op) {
    cql.async(cql.bind("DELETE FROM $.pending_pairs WHERE shard = ? AND lo = ? AND hi = ? AND op = ?",
        shard(pair), pair.lo().value(), pair.hi().value(), op));
  }

  private static int shard(PairState pair) {
    return Math.floorMod(Long.hashCode(pair.lo().value() * 31 + pair.hi().value()), PENDING_SHARDS);
  }

  /** Microseconds, strictly above the row's last change, so derived writes of later changes always win. */
  private static long nextTimestamp(PairRows row) {
    return Math.max(System.currentTimeMillis() * 1000, row.timestampMicros() + 1);
  }

  private BoundStatement update(PairState next, long version, long ts, String pending, long expectedVersion) {
    return cql.bind("UPDATE $.pairs SET version = ?, ts = ?, follow_lh = ?, follow_hl = ?, request_lh = ?,"
            + " request_hl = ?, block_lh = ?, block_hl = ?, mute_lh = ?, mute_hl = ?, mute_lh_until = ?,"
            + " mute_hl_until = ?, pending = ? WHERE lo = ? AND hi = ? IF version = ?", version, ts,
        next.follow()[0], next.follow()[1], next.request()[0], next.request()[1], next.block()[0], next.block()[1],
        next.mute()[0], next.mute()[1], next.muteUntil()[0], next.muteUntil()[1], pending, next.lo().value(),
        next.hi().value(), expectedVersion);
  }

  private BoundStatement insert(PairState next, long ts, String pending) {
    return cql.bind("INSERT INTO $.pairs (lo, hi, version, ts, follow_lh, follow_hl, request_lh, request_hl,"
            + " block_lh, block_hl, mute_lh, mute_hl, mute_lh_until, mute_hl_until, pending)"
            + " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS", next.lo().value(),
        next.hi().value(), ts, next.follow()[0], next.follow()[1], next.request()[0], next.request()[1],
        next.block()[0], next.block()[1], next.mute()[0], next.mute()[1], next.muteUntil()[0],
        next.muteUntil()[1], pending);
  }
}
