package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKED_BY;
import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.DISMISSED;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWERS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTED_BY;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_APPROVALS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_DELETES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.RATE_WINDOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_IN;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_OUT;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.UserId;
import io.kith.core.relation.pair.Change;
import io.kith.core.relation.pair.Outcome;
import io.kith.core.relation.pair.PairCommand;
import io.kith.core.relation.pair.Transitions;
import io.kith.core.relation.pair.Verb;
import io.kith.core.spi.Edge;
import io.kith.core.spi.WindowCharge;
import io.kith.store.rocksdb.internal.StripedLocks.Held;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Every write that touches relations, each one {@link TrackedBatch} built under the pairs' locks: read the pairs
 * ({@link StoredPair#read}), let kith-core's {@link Transitions} decide each change, write the changes
 * ({@link StoredPair#write}) in one atomic batch, and drop what the batch made stale from the relation cache before
 * the caller is answered. Nothing here reads what the batch itself is about to write.
 */
final class EdgeWriter {
  /** Relations removed or approved per atomic batch when a user is deleted or a private account turns public. */
  static final int CHUNK = 256;

  /** The lists a deleted user's relations are found through, drained in this order. */
  private static final List<ColumnFamilies> DELETE_ORDER =
      List.of(FOLLOWING, FOLLOWERS, REQUESTS_OUT, REQUESTS_IN, BLOCKING, BLOCKED_BY, MUTING, MUTED_BY);

  private final RocksDB db;
  private final Map<ColumnFamilies, ColumnFamilyHandle> families;
  private final WriteOptions writeOptions;
  private final StripedLocks locks;
  private final RelationCache cache;

  EdgeWriter(RocksDB db, Map<ColumnFamilies, ColumnFamilyHandle> families, WriteOptions writeOptions,
             StripedLocks locks, RelationCache cache) {
    this.db = db;
    this.families = families;
    this.writeOptions = writeOptions;
    this.locks = locks;
    this.cache = cache;
  }

  /** Writes the batch, then, before the caller is answered, drops the cache entries it made stale. */
  private void commit(TrackedBatch batch) throws RocksDBException {
    db.write(writeOptions, batch);
    cache.invalidate(batch.changedUsers());
  }

  /**
   * Applies {@code command} to its pair as one atomic batch, or writes nothing if it changes nothing. A follow's
   * {@code charges} go into the same batch (one WAL sync), only if it makes a follow or a request.
   */
  Change apply(PairCommand command, List<WindowCharge> charges) throws RocksDBException {
    try (Held held = lockPairs(command.actor(), List.of(command.subject()));
         TrackedBatch batch = new TrackedBatch()) {
      StoredPair pair = StoredPair.read(db, families, command.actor(), List.of(command.subject())).getFirst();
      Change change = Transitions.apply(command, pair.state(), pair.accounts());
      if (change.changed()) {
        StoredPair.write(batch, families, change);
        if (change.outcome() == Outcome.FOLLOWED || change.outcome() == Outcome.REQUESTED) {
          charge(batch, charges);
        }
        commit(batch);
      }
      return change;
    }
  }

  private void charge(TrackedBatch batch, List<WindowCharge> charges) throws RocksDBException {
    for (WindowCharge charge : charges) {
      batch.merge(cf(RATE_WINDOWS), Keys.window(charge.limiter(), charge.bucket(), charge.subject()),
          Keys.delta(charge.delta()));
    }
  }

  /**
   * Approves one chunk of a now-public account's pending requests: the owner accepts each, as its accept verb would.
   * Returns false when none are left (or the account went private again), after clearing the pending-approval
   * marker.
   */
  boolean approveChunkOfRequests(UserId owner, Instant at) throws RocksDBException {
    byte[] user = db.get(cf(USERS), Keys.id(owner));
    List<Edge> chunk = user == null || Codec.user(user).user().isPrivate()
        ? List.of()
        : EdgeReader.head(db, cf(REQUESTS_IN), owner, CHUNK);
    if (chunk.isEmpty()) {
      db.delete(cf(PENDING_APPROVALS), writeOptions, Keys.id(owner));
      return false;
    }
    List<UserId> requesters = chunk.stream().map(Edge::other).distinct().toList();
    try (Held held = lockPairs(owner, requesters); TrackedBatch batch = new TrackedBatch()) {
      for (StoredPair pair : StoredPair.read(db, families, owner, requesters)) {
        UserId requester = pair.state().other(owner);
        PairCommand accept = PairCommand.of(Verb.ACCEPT, owner, requester, at);
        StoredPair.write(batch, families, Transitions.apply(accept, pair.state(), pair.accounts()));
      }
      commit(batch);
    }
    return true;
  }

  // ---- deleting a user ----

  /**
   * Severs one chunk of a deleted user's pairs ({@link Transitions#deleteAccount}), found list by list in
   * {@link #DELETE_ORDER}. Returns false when there was nothing left to remove.
   */
  boolean removeChunkOfRelations(UserId deleted) throws RocksDBException {
    for (ColumnFamilies list : DELETE_ORDER) {
      List<Edge> chunk = EdgeReader.head(db, cf(list), deleted, CHUNK);
      if (chunk.isEmpty()) {
        continue;
      }
      List<UserId> others = chunk.stream().map(Edge::other).distinct().toList();
      try (Held held = lockPairs(deleted, others); TrackedBatch batch = new TrackedBatch()) {
        for (StoredPair pair : StoredPair.read(db, families, deleted, others)) {
          StoredPair.write(batch, families, Transitions.deleteAccount(pair.state(), deleted));
        }
        commit(batch);
      }
      return true;
    }
    return false;
  }

  /** Clears what is left of a deleted user once its lists are empty: its counters and the pending marker. */
  void finishDelete(UserId deleted) throws RocksDBException {
    try (TrackedBatch batch = new TrackedBatch()) {
      batch.changes(deleted);
      for (byte kind : new byte[] {Keys.FOLLOWERS, Keys.FOLLOWING, Keys.FRIENDS, Keys.REQUESTS_OUT}) {
        batch.delete(cf(COUNTS), Keys.counter(deleted, kind));
      }
      batch.delete(cf(PENDING_DELETES), Keys.id(deleted));
      batch.delete(cf(PENDING_APPROVALS), Keys.id(deleted));
      // The deleted user's own dismissals are one contiguous prefix; others' dismissals of it just name an id
      // that will never exist again.
      batch.deleteRange(cf(DISMISSED), Keys.id(deleted), Keys.listUpperBound(deleted));
      commit(batch);
    }
  }

  /** Locks the pairs (user, other) for each other, and the shared user locks of everyone involved. */
  private Held lockPairs(UserId user, List<UserId> others) {
    int[] pairStripes = others.stream().mapToInt(other -> StripedLocks.pairStripe(user, other))
        .sorted().distinct().toArray();
    int[] userStripes = Stream.concat(Stream.of(user), others.stream()).mapToInt(StripedLocks::userStripe)
        .sorted().distinct().toArray();
    return locks.lockEdges(pairStripes, userStripes);
  }

  private ColumnFamilyHandle cf(ColumnFamilies family) {
    return families.get(family);
  }
}
