package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKED_BY;
import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.DISMISSED;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWERS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FRIENDS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTED_BY;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_APPROVALS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_DELETES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.RATE_WINDOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_IN;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_OUT;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.FollowOutcome;
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
 * Every write that touches relations. Each logical write is one {@link TrackedBatch} built under the pair's lock from
 * one {@link PairState} read: follows with their list entries and counters, friendships made or broken, requests,
 * blocks and mutes. Nothing here reads what the batch itself is about to write.
 */
final class EdgeWriter {
  /** Relations removed or approved per atomic batch when a user is deleted or a private account turns public. */
  static final int CHUNK = 256;
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] PLUS_ONE = Keys.delta(1);
  private static final byte[] MINUS_ONE = Keys.delta(-1);

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

  // ---- follows and requests ----

  /** {@code charges} go into the edge's batch: one atomic write, one WAL sync, counted only if the edge is made. */
  FollowOutcome follow(UserId follower, UserId followee, Instant at, List<WindowCharge> charges)
      throws RocksDBException {
    try (Held held = lockPairs(follower, List.of(followee)); TrackedBatch batch = new TrackedBatch()) {
      PairState state = PairState.read(db, families, follower, followee);
      requireUsers(state, follower, followee);
      if (state.blockedEitherWay()) {
        throw KithException.of(ErrorCode.BLOCKED, "a block between these users forbids following");
      }
      if (state.followAB() != null) {
        return FollowOutcome.ALREADY_FOLLOWING;
      }
      if (state.bIsPrivate()) {
        if (state.requestAB() != null) {
          return FollowOutcome.ALREADY_REQUESTED;
        }
        putRequest(batch, follower, followee, at.toEpochMilli());
        charge(batch, charges);
        commit(batch);
        return FollowOutcome.REQUESTED;
      }
      if (state.requestAB() != null) {
        // A request left from before the account went public (its approval may still be running): the follow
        // replaces it, so the two never coexist.
        deleteRequest(batch, follower, followee, Keys.millisOf(state.requestAB()));
      }
      putFollow(batch, follower, followee, at.toEpochMilli(), state.followBA());
      charge(batch, charges);
      commit(batch);
      return FollowOutcome.CREATED;
    }
  }

  private void charge(TrackedBatch batch, List<WindowCharge> charges) throws RocksDBException {
    for (WindowCharge charge : charges) {
      batch.merge(cf(RATE_WINDOWS), Keys.window(charge.limiter(), charge.bucket(), charge.subject()),
          Keys.delta(charge.delta()));
    }
  }

  boolean unfollow(UserId follower, UserId followee) throws RocksDBException {
    try (Held held = lockPairs(follower, List.of(followee)); TrackedBatch batch = new TrackedBatch()) {
      PairState state = PairState.read(db, families, follower, followee);
      boolean changed = removeFollow(batch, follower, followee, state.followAB(), state.followBA());
      if (state.requestAB() != null) {
        deleteRequest(batch, follower, followee, Keys.millisOf(state.requestAB()));
        changed = true;
      }
      if (changed) {
        commit(batch);
      }
      return changed;
    }
  }

  boolean acceptRequest(UserId owner, UserId requester, Instant at) throws RocksDBException {
    try (Held held = lockPairs(owner, List.of(requester)); TrackedBatch batch = new TrackedBatch()) {
      PairState state = PairState.read(db, families, requester, owner);
      if (!approve(batch, requester, owner, state, at.toEpochMilli())) {
        return false;
      }
      commit(batch);
      return true;
    }
  }

  boolean rejectRequest(UserId owner, UserId requester) throws RocksDBException {
    try (Held held = lockPairs(owner, List.of(requester)); TrackedBatch batch = new TrackedBatch()) {
      byte[] request = db.get(cf(REQUESTS), Keys.pair(requester, owner));
      if (request == null) {
        return false;
      }
      deleteRequest(batch, requester, owner, Keys.millisOf(request));
      commit(batch);
      return true;
    }
  }

  /**
   * Approves one chunk of a now-public account's pending requests. Returns false when none are left (or the
   * account went private again), after clearing the pending-approval marker.
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
    List<UserId> requesters = chunk.stream().map(Edge::other).toList();
    try (Held held = lockPairs(owner, requesters); TrackedBatch batch = new TrackedBatch()) {
      for (UserId requester : requesters) {
        approve(batch, requester, owner, PairState.read(db, families, requester, owner), at.toEpochMilli());
      }
      commit(batch);
    }
    return true;
  }

  /** Turns the request requester -> owner into a follow; false, adding nothing, if there is no request. */
  private boolean approve(TrackedBatch batch, UserId requester, UserId owner, PairState state, long atMillis)
      throws RocksDBException {
    if (state.requestAB() == null) {
      return false;
    }
    deleteRequest(batch, requester, owner, Keys.millisOf(state.requestAB()));
    if (state.userA() != null && state.userB() != null && state.followAB() == null && !state.blockedEitherWay()) {
      putFollow(batch, requester, owner, atMillis, state.followBA());
    }
    return true;
  }

  // ---- blocks and mutes ----

  boolean block(UserId blocker, UserId blocked, Instant at) throws RocksDBException {
    try (Held held = lockPairs(blocker, List.of(blocked)); TrackedBatch batch = new TrackedBatch()) {
      PairState state = PairState.read(db, families, blocker, blocked);
      requireUsers(state, blocker, blocked);
      if (state.blockAB() != null) {
        return false;
      }
      long atMillis = at.toEpochMilli();
      batch.changes(blocker, blocked);
      batch.put(cf(BLOCKS), Keys.pair(blocker, blocked), Keys.millis(at));
      batch.put(cf(BLOCKING), Keys.listEntry(blocker, atMillis, blocked), EMPTY);
      batch.put(cf(BLOCKED_BY), Keys.listEntry(blocked, atMillis, blocker), EMPTY);
      // Sever every tie in the same write: both follows (and so any friendship) and both requests.
      if (state.followAB() != null) {
        deleteFollow(batch, blocker, blocked, Keys.millisOf(state.followAB()));
      }
      if (state.followBA() != null) {
        deleteFollow(batch, blocked, blocker, Keys.millisOf(state.followBA()));
      }
      if (state.followAB() != null && state.followBA() != null) {
        deleteFriendship(batch, blocker, blocked, friendSince(state.followAB(), state.followBA()));
      }
      if (state.requestAB() != null) {
        deleteRequest(batch, blocker, blocked, Keys.millisOf(state.requestAB()));
      }
      if (state.requestBA() != null) {
        deleteRequest(batch, blocked, blocker, Keys.millisOf(state.requestBA()));
      }
      commit(batch);
      return true;
    }
  }

  boolean unblock(UserId blocker, UserId blocked) throws RocksDBException {
    try (Held held = lockPairs(blocker, List.of(blocked)); TrackedBatch batch = new TrackedBatch()) {
      if (!deleteBlock(batch, blocker, blocked)) {
        return false;
      }
      commit(batch);
      return true;
    }
  }

  void mute(UserId muter, UserId muted, Instant at, Instant expiresAt) throws RocksDBException {
    try (Held held = lockPairs(muter, List.of(muted)); TrackedBatch batch = new TrackedBatch()) {
      requireUsers(PairState.read(db, families, muter, muted), muter, muted);
      deleteMute(batch, muter, muted); // a re-mute replaces the old one, list entries included
      long atMillis = at.toEpochMilli();
      batch.changes(muter); // only the muter's list is cached, not muted_by
      batch.put(cf(MUTES), Keys.pair(muter, muted), Keys.mute(at, expiresAt));
      batch.put(cf(MUTING), Keys.listEntry(muter, atMillis, muted), EMPTY);
      batch.put(cf(MUTED_BY), Keys.listEntry(muted, atMillis, muter), EMPTY);
      commit(batch);
    }
  }

  boolean unmute(UserId muter, UserId muted) throws RocksDBException {
    try (Held held = lockPairs(muter, List.of(muted)); TrackedBatch batch = new TrackedBatch()) {
      if (!deleteMute(batch, muter, muted)) {
        return false;
      }
      commit(batch);
      return true;
    }
  }

  // ---- deleting a user ----

  /**
   * Removes one chunk of a deleted user's relations, list by list in {@link #DELETE_ORDER}. Returns false when
   * there was nothing left to remove.
   */
  boolean removeChunkOfRelations(UserId deleted) throws RocksDBException {
    for (ColumnFamilies list : DELETE_ORDER) {
      List<Edge> chunk = EdgeReader.head(db, cf(list), deleted, CHUNK);
      if (chunk.isEmpty()) {
        continue;
      }
      List<UserId> others = chunk.stream().map(Edge::other).toList();
      try (Held held = lockPairs(deleted, others); TrackedBatch batch = new TrackedBatch()) {
        for (UserId other : others) {
          removeOne(batch, list, deleted, other);
        }
        commit(batch);
      }
      return true;
    }
    return false;
  }

  private void removeOne(TrackedBatch batch, ColumnFamilies list, UserId deleted, UserId other)
      throws RocksDBException {
    switch (list) {
      case FOLLOWING -> removeFollow(batch, deleted, other, null, null);
      case FOLLOWERS -> removeFollow(batch, other, deleted, null, null);
      case REQUESTS_OUT -> removeRequest(batch, deleted, other);
      case REQUESTS_IN -> removeRequest(batch, other, deleted);
      case BLOCKING -> deleteBlock(batch, deleted, other);
      case BLOCKED_BY -> deleteBlock(batch, other, deleted);
      case MUTING -> deleteMute(batch, deleted, other);
      case MUTED_BY -> deleteMute(batch, other, deleted);
      default -> throw new IllegalArgumentException("list: " + list + " (expected one of " + DELETE_ORDER + ")");
    }
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

  // ---- the pieces every write is made of ----

  /**
   * Removes follower -> followee if present. {@code forward}/{@code reverse} are the pair's follow times if the
   * caller read them already, else null to read them here.
   */
  private boolean removeFollow(TrackedBatch batch, UserId follower, UserId followee, byte[] forward, byte[] reverse)
      throws RocksDBException {
    if (forward == null) {
      List<byte[]> values = db.multiGetAsList(List.of(cf(FOLLOWS), cf(FOLLOWS)),
          List.of(Keys.pair(follower, followee), Keys.pair(followee, follower)));
      forward = values.get(0);
      reverse = values.get(1);
    }
    if (forward == null) {
      return false;
    }
    deleteFollow(batch, follower, followee, Keys.millisOf(forward));
    if (reverse != null) {
      deleteFriendship(batch, follower, followee, friendSince(forward, reverse));
    }
    return true;
  }

  private void removeRequest(TrackedBatch batch, UserId requester, UserId target) throws RocksDBException {
    byte[] request = db.get(cf(REQUESTS), Keys.pair(requester, target));
    if (request != null) {
      deleteRequest(batch, requester, target, Keys.millisOf(request));
    }
  }

  private void putFollow(TrackedBatch batch, UserId follower, UserId followee, long atMillis, byte[] reverse)
      throws RocksDBException {
    batch.changes(follower, followee);
    batch.put(cf(FOLLOWS), Keys.pair(follower, followee), Keys.millis(Instant.ofEpochMilli(atMillis)));
    batch.put(cf(FOLLOWING), Keys.listEntry(follower, atMillis, followee), EMPTY);
    batch.put(cf(FOLLOWERS), Keys.listEntry(followee, atMillis, follower), EMPTY);
    batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FOLLOWING), PLUS_ONE);
    batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FOLLOWERS), PLUS_ONE);
    if (reverse != null) {
      long since = Math.max(atMillis, Keys.millisOf(reverse));
      batch.put(cf(FRIENDS), Keys.listEntry(follower, since, followee), EMPTY);
      batch.put(cf(FRIENDS), Keys.listEntry(followee, since, follower), EMPTY);
      batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FRIENDS), PLUS_ONE);
      batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FRIENDS), PLUS_ONE);
    }
  }

  private void deleteFollow(TrackedBatch batch, UserId follower, UserId followee, long atMillis)
      throws RocksDBException {
    batch.changes(follower, followee);
    batch.delete(cf(FOLLOWS), Keys.pair(follower, followee));
    batch.delete(cf(FOLLOWING), Keys.listEntry(follower, atMillis, followee));
    batch.delete(cf(FOLLOWERS), Keys.listEntry(followee, atMillis, follower));
    batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FOLLOWING), MINUS_ONE);
    batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FOLLOWERS), MINUS_ONE);
  }

  private void deleteFriendship(TrackedBatch batch, UserId a, UserId b, long since) throws RocksDBException {
    batch.changes(a, b);
    batch.delete(cf(FRIENDS), Keys.listEntry(a, since, b));
    batch.delete(cf(FRIENDS), Keys.listEntry(b, since, a));
    batch.merge(cf(COUNTS), Keys.counter(a, Keys.FRIENDS), MINUS_ONE);
    batch.merge(cf(COUNTS), Keys.counter(b, Keys.FRIENDS), MINUS_ONE);
  }

  private void putRequest(TrackedBatch batch, UserId requester, UserId target, long atMillis) throws RocksDBException {
    batch.changes(requester, target);
    batch.put(cf(REQUESTS), Keys.pair(requester, target), Keys.millis(Instant.ofEpochMilli(atMillis)));
    batch.put(cf(REQUESTS_IN), Keys.listEntry(target, atMillis, requester), EMPTY);
    batch.put(cf(REQUESTS_OUT), Keys.listEntry(requester, atMillis, target), EMPTY);
    batch.merge(cf(COUNTS), Keys.counter(requester, Keys.REQUESTS_OUT), PLUS_ONE);
  }

  private void deleteRequest(TrackedBatch batch, UserId requester, UserId target, long atMillis)
      throws RocksDBException {
    batch.changes(requester, target);
    batch.delete(cf(REQUESTS), Keys.pair(requester, target));
    batch.delete(cf(REQUESTS_IN), Keys.listEntry(target, atMillis, requester));
    batch.delete(cf(REQUESTS_OUT), Keys.listEntry(requester, atMillis, target));
    batch.merge(cf(COUNTS), Keys.counter(requester, Keys.REQUESTS_OUT), MINUS_ONE);
  }

  private boolean deleteBlock(TrackedBatch batch, UserId blocker, UserId blocked) throws RocksDBException {
    byte[] block = db.get(cf(BLOCKS), Keys.pair(blocker, blocked));
    if (block == null) {
      return false;
    }
    long atMillis = Keys.millisOf(block);
    batch.changes(blocker, blocked);
    batch.delete(cf(BLOCKS), Keys.pair(blocker, blocked));
    batch.delete(cf(BLOCKING), Keys.listEntry(blocker, atMillis, blocked));
    batch.delete(cf(BLOCKED_BY), Keys.listEntry(blocked, atMillis, blocker));
    return true;
  }

  private boolean deleteMute(TrackedBatch batch, UserId muter, UserId muted) throws RocksDBException {
    byte[] mute = db.get(cf(MUTES), Keys.pair(muter, muted));
    if (mute == null) {
      return false;
    }
    long atMillis = Keys.millisOf(mute);
    batch.changes(muter); // only the muter's list is cached, not muted_by
    batch.delete(cf(MUTES), Keys.pair(muter, muted));
    batch.delete(cf(MUTING), Keys.listEntry(muter, atMillis, muted));
    batch.delete(cf(MUTED_BY), Keys.listEntry(muted, atMillis, muter));
    return true;
  }

  /** A friendship starts when the second of the two follows was made. */
  private static long friendSince(byte[] forward, byte[] reverse) {
    return Math.max(Keys.millisOf(forward), Keys.millisOf(reverse));
  }

  private static void requireUsers(PairState state, UserId a, UserId b) {
    if (state.userA() == null) {
      throw KithException.notFound("no user with id " + a);
    }
    if (state.userB() == null) {
      throw KithException.notFound("no user with id " + b);
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
