package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWERS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FRIENDS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_DELETES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.FollowOutcome;
import io.kith.store.rocksdb.internal.StripedLocks.Held;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Every write that touches edges. Each logical write is one {@link WriteBatch}: the point edge, both list entries,
 * the counters and, when a mutual follow is made or broken, both friend entries and friend counters.
 */
final class EdgeWriter {
  /** Edges removed per atomic batch when a user is deleted. */
  static final int DELETE_CHUNK = 256;
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] PLUS_ONE = Keys.delta(1);
  private static final byte[] MINUS_ONE = Keys.delta(-1);

  private final RocksDB db;
  private final Map<ColumnFamilies, ColumnFamilyHandle> families;
  private final WriteOptions writeOptions;
  private final StripedLocks locks;

  EdgeWriter(RocksDB db, Map<ColumnFamilies, ColumnFamilyHandle> families, WriteOptions writeOptions,
             StripedLocks locks) {
    this.db = db;
    this.families = families;
    this.writeOptions = writeOptions;
    this.locks = locks;
  }

  FollowOutcome follow(UserId follower, UserId followee, Instant at) throws RocksDBException {
    try (Held held = lockPairs(follower, List.of(followee))) {
      List<byte[]> state = db.multiGetAsList(
          List.of(cf(USERS), cf(USERS), cf(FOLLOWS), cf(FOLLOWS)),
          List.of(Keys.id(follower), Keys.id(followee), Keys.pair(follower, followee), Keys.pair(followee, follower)));
      if (state.get(0) == null) {
        throw KithException.notFound("no user with id " + follower);
      }
      if (state.get(1) == null) {
        throw KithException.notFound("no user with id " + followee);
      }
      if (state.get(2) != null) {
        return FollowOutcome.ALREADY_FOLLOWING;
      }
      long atMillis = at.toEpochMilli();
      try (WriteBatch batch = new WriteBatch()) {
        batch.put(cf(FOLLOWS), Keys.pair(follower, followee), Keys.millis(at));
        batch.put(cf(FOLLOWING), Keys.listEntry(follower, atMillis, followee), EMPTY);
        batch.put(cf(FOLLOWERS), Keys.listEntry(followee, atMillis, follower), EMPTY);
        batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FOLLOWING), PLUS_ONE);
        batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FOLLOWERS), PLUS_ONE);
        byte[] reverse = state.get(3);
        if (reverse != null) {
          long since = Math.max(atMillis, Keys.millisOf(reverse));
          batch.put(cf(FRIENDS), Keys.listEntry(follower, since, followee), EMPTY);
          batch.put(cf(FRIENDS), Keys.listEntry(followee, since, follower), EMPTY);
          batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FRIENDS), PLUS_ONE);
          batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FRIENDS), PLUS_ONE);
        }
        db.write(writeOptions, batch);
      }
      return FollowOutcome.CREATED;
    }
  }

  boolean unfollow(UserId follower, UserId followee) throws RocksDBException {
    try (Held held = lockPairs(follower, List.of(followee)); WriteBatch batch = new WriteBatch()) {
      if (!removeEdge(batch, follower, followee)) {
        return false;
      }
      db.write(writeOptions, batch);
      return true;
    }
  }

  /**
   * Removes one chunk of a deleted user's edges: first whom it follows, then its followers. Returns false when
   * there was nothing left to remove.
   */
  boolean removeChunkOfEdges(UserId deleted) throws RocksDBException {
    boolean outgoing = true;
    List<Edge> chunk = EdgeReader.head(db, cf(FOLLOWING), deleted, DELETE_CHUNK);
    if (chunk.isEmpty()) {
      outgoing = false;
      chunk = EdgeReader.head(db, cf(FOLLOWERS), deleted, DELETE_CHUNK);
    }
    if (chunk.isEmpty()) {
      return false;
    }
    List<UserId> others = chunk.stream().map(Edge::other).toList();
    try (Held held = lockPairs(deleted, others); WriteBatch batch = new WriteBatch()) {
      for (UserId other : others) {
        if (outgoing) {
          removeEdge(batch, deleted, other);
        } else {
          removeEdge(batch, other, deleted);
        }
      }
      db.write(writeOptions, batch);
    }
    return true;
  }

  /** Clears what is left of a deleted user once its lists are empty: its counters and the pending marker. */
  void finishDelete(UserId deleted) throws RocksDBException {
    try (WriteBatch batch = new WriteBatch()) {
      for (byte kind : new byte[] {Keys.FOLLOWERS, Keys.FOLLOWING, Keys.FRIENDS}) {
        batch.delete(cf(COUNTS), Keys.counter(deleted, kind));
      }
      batch.delete(cf(PENDING_DELETES), Keys.id(deleted));
      db.write(writeOptions, batch);
    }
  }

  /**
   * Adds the removal of follower -> followee, with its counters and any friendship it ends, to {@code batch}.
   * Caller holds the pair's lock. Returns false, adding nothing, when there is no such edge.
   */
  private boolean removeEdge(WriteBatch batch, UserId follower, UserId followee) throws RocksDBException {
    List<byte[]> state = db.multiGetAsList(List.of(cf(FOLLOWS), cf(FOLLOWS)),
        List.of(Keys.pair(follower, followee), Keys.pair(followee, follower)));
    byte[] forward = state.get(0);
    if (forward == null) {
      return false;
    }
    long atMillis = Keys.millisOf(forward);
    batch.delete(cf(FOLLOWS), Keys.pair(follower, followee));
    batch.delete(cf(FOLLOWING), Keys.listEntry(follower, atMillis, followee));
    batch.delete(cf(FOLLOWERS), Keys.listEntry(followee, atMillis, follower));
    batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FOLLOWING), MINUS_ONE);
    batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FOLLOWERS), MINUS_ONE);
    byte[] reverse = state.get(1);
    if (reverse != null) {
      long since = Math.max(atMillis, Keys.millisOf(reverse));
      batch.delete(cf(FRIENDS), Keys.listEntry(follower, since, followee));
      batch.delete(cf(FRIENDS), Keys.listEntry(followee, since, follower));
      batch.merge(cf(COUNTS), Keys.counter(follower, Keys.FRIENDS), MINUS_ONE);
      batch.merge(cf(COUNTS), Keys.counter(followee, Keys.FRIENDS), MINUS_ONE);
    }
    return true;
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
