package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.relation.pair.Account;
import io.kith.core.relation.pair.Accounts;
import io.kith.core.relation.pair.Change;
import io.kith.core.relation.pair.Effects;
import io.kith.core.relation.pair.PairState;
import io.kith.core.relation.pair.Transitions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Every change to a pair of users, on every Kith node alike (docs/consistency.md):
 * <ol>
 *   <li>read both users and the pair row; finish the row's pending change first, if it has one;</li>
 *   <li>let kith-core's {@link Transitions} decide the change, settled against the users just read
 *       ({@link Transitions#settle}); if nothing changes, answer now;</li>
 *   <li>note the pair in {@code pending_pairs}, then compare-and-set the row on its {@code version} (LWT), storing
 *       the state before the change as {@code pending}: this is the commit point, and it serializes the pair across
 *       all nodes as RocksDB's pair lock does on one;</li>
 *   <li>{@link #complete}: write the change's list entries, derived from the states before and after
 *       ({@link Effects#between}; one logged batch, at the change's timestamp), add its count deltas once per
 *       operation id, re-read both users (a deletion or a switch to public may have raced the
 *       change and is applied to the pair now), then clear {@code pending} by compare-and-set.</li>
 * </ol>
 * Every step may be repeated by anyone who finds the row pending, so a node dying mid-change loses nothing.
 */
final class PairWriter {
  /** Shards of the {@code pending_pairs} work list. */
  static final int PENDING_SHARDS = 16;

  /**
   * A change as it was made: {@code decided} by the verb's transition, {@code written} that change settled against
   * the users (a deleted user's pair cleared, a request to a public account accepted), and the pair's state once
   * every change it led to was complete.
   */
  record Applied(Change decided, Change written, PairState settled) {}

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

  /** Applies the change {@code decide} makes to the pair {a, b}, given its state and both accounts. */
  Applied change(UserId a, UserId b, BiFunction<PairState, Accounts, Change> decide) {
    while (true) {
      CompletableFuture<PairRows> pair = readAsync(a, b);
      Accounts accounts = readAccounts(a, b);
      PairRows row = pair.join();
      if (row.pendingOp() != null) {
        complete(row);
        continue;
      }
      Change decided = decide.apply(row.state(), accounts);
      Change change = decided.then(Transitions.settle(decided.after(), accounts, Instant.now()));
      if (!change.changed()) {
        return new Applied(decided, change, row.state());
      }
      PairState next = change.after();
      UUID op = UUID.randomUUID();
      long ts = nextTimestamp(row);
      note(row.state(), op);
      String pending = op + "|" + PairRows.encode(row.state());
      boolean applied = row.exists()
          ? cql.applied(update(next, row.version() + 1, ts, pending, row.version()))
          : cql.applied(insert(next, ts, pending));
      if (!applied) {
        unnote(row.state(), op);
        continue; // another node changed the pair first: decide again on what it wrote
      }
      return new Applied(decided, change, complete(new PairRows(next, row.version() + 1, ts, op, row.state())));
    }
  }

  /** Finishes the pending change of {@code row} and whatever it leads to; returns the settled state. */
  PairState complete(PairRows row) {
    while (true) {
      Effects effects = Effects.between(row.pendingBefore(), row.state());
      // Entries and counts are independent of each other; both must be in before the users are read again.
      CompletableFuture<Void> entries = lists.applyAsync(effects, row.timestampMicros());
      counts.addAll(CountShards.deltas(effects), row.pendingOp());
      entries.join();
      PairState settled = Transitions.settle(row.state(), readAccounts(row.state().lo(), row.state().hi()),
          Instant.now()).after();
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
        applied = cql.applied(update(settled, row.version() + 1, ts, op + "|" + PairRows.encode(row.state()),
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

  Accounts readAccounts(UserId a, UserId b) {
    Map<UserId, User> both = readUsers(a, b);
    return new Accounts(a, Account.of(both.get(a)), b, Account.of(both.get(b)));
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
    Long[] c = PairRows.columns(next);
    return cql.bind("UPDATE $.pairs SET version = ?, ts = ?, follow_lh = ?, follow_hl = ?, request_lh = ?,"
            + " request_hl = ?, block_lh = ?, block_hl = ?, mute_lh = ?, mute_hl = ?, mute_lh_until = ?,"
            + " mute_hl_until = ?, pending = ? WHERE lo = ? AND hi = ? IF version = ?", version, ts,
        c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], pending, next.lo().value(), next.hi().value(),
        expectedVersion);
  }

  private BoundStatement insert(PairState next, long ts, String pending) {
    Long[] c = PairRows.columns(next);
    return cql.bind("INSERT INTO $.pairs (lo, hi, version, ts, follow_lh, follow_hl, request_lh, request_hl,"
            + " block_lh, block_hl, mute_lh, mute_hl, mute_lh_until, mute_hl_until, pending)"
            + " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS", next.lo().value(),
        next.hi().value(), ts, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], pending);
  }
}
