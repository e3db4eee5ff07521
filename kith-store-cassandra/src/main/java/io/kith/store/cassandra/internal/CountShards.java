package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.Counts;
import io.kith.core.UserId;
import io.kith.core.relation.pair.CountDelta;
import io.kith.core.relation.pair.Effects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Exact counts without counter columns. A user's counts are the sum of a few shard rows (plain bigints in static
 * columns). An operation adds its delta to one shard by compare-and-set on the shard's {@code version}, in the same
 * conditional batch that inserts a marker row keyed by the operation's id; a repeat of the operation (a retry, a
 * repair racing the original writer) finds the marker and adds nothing. Markers expire after
 * {@code marker_ttl_seconds}, far longer than any operation stays unfinished.
 */
final class CountShards {
  private static final String UPDATE = "UPDATE $.counts SET followers = ?, following = ?, friends = ?,"
      + " requests_out = ?, version = ? WHERE user_id = ? AND shard = ? IF version = ?";
  private static final String MARK = "INSERT INTO $.counts (user_id, shard, op) VALUES (?, ?, ?) USING TTL ?";
  /** The clustering row every shard keeps (no TTL), so that a read of it always carries the static counts. */
  private static final UUID HOLDER = new UUID(0, 0);
  private static final String HOLD = "INSERT INTO $.counts (user_id, shard, op) VALUES (?, ?, ?)";
  private static final String STATE = "SELECT op, followers, following, friends, version, requests_out"
      + " FROM $.counts WHERE user_id = ? AND shard = ? AND op IN ?";

  private final Cql cql;
  private final int shards;
  private final List<Integer> allShards;

  CountShards(Cql cql) {
    this.cql = cql;
    this.shards = cql.settings().countShards();
    this.allShards = IntStream.range(0, shards).boxed().toList();
    cql.prepare(UPDATE, MARK, HOLD, STATE);
  }

  /**
   * Adds each user's delta once for operation {@code op}; the users' shards are written concurrently. A delta is
   * indexed as the shards' columns: followers, following, friends, outgoing requests ({@link #deltas}).
   */
  void addAll(Map<UserId, long[]> deltas, UUID op) {
    List<CompletableFuture<Void>> writes = new ArrayList<>(deltas.size());
    deltas.forEach((user, delta) -> writes.add(addAsync(user, op, delta)));
    for (CompletableFuture<Void> write : writes) {
      write.join();
    }
  }

  /**
   * A change's count deltas per user, indexed followers, following, friends, outgoing requests; users whose counts
   * do not move are left out. Incoming requests are not counted (the list's size is their count).
   */
  static Map<UserId, long[]> deltas(Effects effects) {
    Map<UserId, long[]> deltas = new LinkedHashMap<>();
    for (CountDelta delta : effects.counts()) {
      int column = switch (delta.counter()) {
        case FOLLOWERS -> 0;
        case FOLLOWING -> 1;
        case FRIENDS -> 2;
        case REQUESTS_OUT -> 3;
        case REQUESTS_IN -> -1;
      };
      if (column >= 0) {
        deltas.computeIfAbsent(delta.user(), user -> new long[4])[column] += delta.delta();
      }
    }
    deltas.values().removeIf(d -> d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == 0);
    return deltas;
  }

  private CompletableFuture<Void> addAsync(UserId user, UUID op, long[] delta) {
    int shard = Math.floorMod(op.hashCode() * 31 + Long.hashCode(user.value()), shards);
    // One single-partition read sees the counts and the marker as of one moment: read apart, a marker written
    // between the two reads could be missed while its new version is seen, and the delta would be added twice.
    return cql.async(cql.bind(STATE, user.value(), shard, List.of(HOLDER, op))).toCompletableFuture()
        .thenCompose(rows -> {
          Row holder = null;
          for (Row row : rows.currentPage()) {
            if (op.equals(row.getUuid(0))) {
              return CompletableFuture.completedFuture(true); // this operation was applied here already
            }
            holder = row;
          }
          Long version = holder == null || holder.isNull(4) ? null : holder.getLong(4);
          long followers = holder == null || holder.isNull(1) ? 0 : holder.getLong(1);
          long following = holder == null || holder.isNull(2) ? 0 : holder.getLong(2);
          long friends = holder == null || holder.isNull(3) ? 0 : holder.getLong(3);
          long requestsOut = holder == null || holder.isNull(5) ? 0 : holder.getLong(5);
          BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED,
                  cql.bind(UPDATE, followers + delta[0], following + delta[1], friends + delta[2],
                      requestsOut + delta[3], version == null ? 1L : version + 1, user.value(), shard, version),
                  cql.bind(HOLD, user.value(), shard, HOLDER),
                  cql.bind(MARK, user.value(), shard, op, cql.settings().markerTtlSeconds()))
              .setConsistencyLevel(cql.settings().consistency())
              .setSerialConsistencyLevel(cql.settings().serialConsistency())
              .setTimeout(cql.settings().requestTimeout())
              .setIdempotent(true);
          return cql.async(batch).toCompletableFuture().thenApply(AsyncResultSet::wasApplied);
        })
        .thenCompose(applied -> applied
            ? CompletableFuture.<Void>completedFuture(null)
            // Another operation moved this shard first (or this one did, and its answer was lost): read again.
            : addAsync(user, op, delta));
  }

  /**
   * Each existing shard of {@code user} as stored, in shard order: {shard, followers, following, friends, version,
   * outgoing requests} (missing values as 0). For the recount, which compares versions to detect writes.
   */
  List<long[]> shards(UserId user) {
    List<long[]> shards = new ArrayList<>();
    for (Row row : cql.all("SELECT DISTINCT user_id, shard, followers, following, friends, version, requests_out"
        + " FROM $.counts WHERE user_id = ? AND shard IN ?", user.value(), allShards)) {
      shards.add(new long[] {row.getInt(1), orZero(row, 2), orZero(row, 3), orZero(row, 4), orZero(row, 5),
          orZero(row, 6)});
    }
    shards.sort(java.util.Comparator.comparingLong(shard -> shard[0]));
    return shards;
  }

  private static long orZero(Row row, int column) {
    return row.isNull(column) ? 0 : row.getLong(column);
  }

  Counts of(UserId user) {
    return of(List.of(user)).get(user);
  }

  /** The user's pending outgoing requests: one read of its shards. */
  long outgoingRequests(UserId user) {
    long total = 0;
    for (Row row : cql.all("SELECT DISTINCT user_id, shard, requests_out FROM $.counts"
        + " WHERE user_id = ? AND shard IN ?", user.value(), allShards)) {
      total += orZero(row, 2);
    }
    // Never negative once writes settle; a clamp keeps a read valid while a repair is catching up.
    return Math.max(0, total);
  }

  Map<UserId, Counts> of(List<UserId> users) {
    List<BoundStatement> reads = new ArrayList<>(users.size());
    for (UserId user : users) {
      reads.add(cql.bind("SELECT DISTINCT user_id, shard, followers, following, friends FROM $.counts"
          + " WHERE user_id = ? AND shard IN ?", user.value(), allShards));
    }
    List<List<Row>> rows = new ArrayList<>();
    var futures = reads.stream().map(read -> cql.async(read).toCompletableFuture()).toList();
    for (var future : futures) {
      List<Row> page = new ArrayList<>();
      future.join().currentPage().forEach(page::add);
      rows.add(page);
    }
    Map<UserId, Counts> counts = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      long followers = 0;
      long following = 0;
      long friends = 0;
      for (Row row : rows.get(i)) {
        followers += row.isNull(2) ? 0 : row.getLong(2);
        following += row.isNull(3) ? 0 : row.getLong(3);
        friends += row.isNull(4) ? 0 : row.getLong(4);
      }
      // Never negative once writes settle; a clamp keeps a read valid while a repair is catching up.
      counts.put(users.get(i), new Counts(Math.max(0, followers), Math.max(0, following), Math.max(0, friends)));
    }
    return counts;
  }
}
