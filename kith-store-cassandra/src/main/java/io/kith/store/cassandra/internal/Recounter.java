package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.UserId;
import io.kith.store.cassandra.Recount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Recounts a user's counts (followers, following, friends, pending outgoing requests) from its list partitions (the operator's {@code kith repair}) and corrects the count
 * shards by the difference, as one more idempotent count operation, so writes running meanwhile keep their own
 * deltas.
 *
 * <p>The lists and the shards are only compared at a quiet moment for the user. The reads go: shards, notes
 * ({@code pending_pairs}), lists, notes, shards. A change of one of the user's pairs is noted before its commit and
 * unnoted only after its list entries and its count delta (written concurrently) are both in. So if a change's
 * delta was in the first shard read but its entries missed the list read, it was noted at the first note read; if
 * its entries were in the lists but its delta missed the second shard read, it was noted at the second note read;
 * and a delta landing between the two shard reads moves a shard's {@code version}. In each case the check is
 * retried (then reported busy), never "corrected" into a double count.
 */
final class Recounter {
  private static final int ATTEMPTS = 6;
  /** A list bucket of a big account is counted server-side, but can take longer than a query. */
  private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(60);
  /** Bucket partitions of one list counted concurrently. */
  private static final int PARALLEL_COUNTS = 16;
  private static final List<Integer> PENDING_SHARDS =
      IntStream.range(0, PairWriter.PENDING_SHARDS).boxed().toList();

  private final Cql cql;
  private final CountShards counts;

  Recounter(Cql cql, CountShards counts) {
    this.cql = cql;
    this.counts = counts;
  }

  Recount recount(UserId user) {
    Recount.Tally stored = null;
    Recount.Tally counted = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        pause(100L << attempt);
      }
      List<long[]> before = counts.shards(user);
      boolean busy = pendingInvolving(user);
      counted = new Recount.Tally(size(ListKind.FOLLOWERS, user), size(ListKind.FOLLOWING, user),
          size(ListKind.FRIENDS, user), size(ListKind.REQUESTS_OUT, user));
      busy |= pendingInvolving(user);
      List<long[]> after = counts.shards(user);
      stored = sum(after);
      if (busy || !sameVersions(before, after)) {
        continue;
      }
      if (stored.equals(counted)) {
        return new Recount(user, Recount.Status.EXACT, stored, counted);
      }
      long[] delta = {counted.followers() - stored.followers(), counted.following() - stored.following(),
          counted.friends() - stored.friends(), counted.requestsOut() - stored.requestsOut()};
      counts.addAll(Map.of(user, delta), UUID.randomUUID());
      return new Recount(user, Recount.Status.FIXED, stored, counted);
    }
    return new Recount(user, Recount.Status.BUSY, stored, counted);
  }

  /**
   * The entries of one of {@code owner}'s lists: a server-side count of each bucket partition it has used,
   * {@link #PARALLEL_COUNTS} at a time.
   */
  private long size(ListKind kind, UserId owner) {
    List<Row> buckets = cql.all("SELECT bucket FROM $.edge_buckets WHERE owner = ? AND list = ?", owner.value(),
        kind.code);
    long total = 0;
    for (int from = 0; from < buckets.size(); from += PARALLEL_COUNTS) {
      List<CompletableFuture<Long>> counts = new ArrayList<>();
      for (Row bucket : buckets.subList(from, Math.min(buckets.size(), from + PARALLEL_COUNTS))) {
        counts.add(cql.async(cql.bind("SELECT COUNT(*) FROM $.edges WHERE owner = ? AND list = ? AND bucket = ?",
                owner.value(), kind.code, bucket.getLong(0)).setTimeout(COUNT_TIMEOUT)).toCompletableFuture()
            .thenApply(rows -> {
              Row row = rows.one();
              return row == null ? 0L : row.getLong(0);
            }));
      }
      for (CompletableFuture<Long> count : counts) {
        total += count.join();
      }
    }
    return total;
  }

  /** Whether a change of one of {@code user}'s pairs is noted as possibly unfinished. */
  private boolean pendingInvolving(UserId user) {
    for (Row note : cql.all("SELECT lo, hi FROM $.pending_pairs WHERE shard IN ?", PENDING_SHARDS)) {
      if (note.getLong(0) == user.value() || note.getLong(1) == user.value()) {
        return true;
      }
    }
    return false;
  }

  private static Recount.Tally sum(List<long[]> shards) {
    long followers = 0;
    long following = 0;
    long friends = 0;
    long requestsOut = 0;
    for (long[] shard : shards) {
      followers += shard[1];
      following += shard[2];
      friends += shard[3];
      requestsOut += shard[5];
    }
    return new Recount.Tally(followers, following, friends, requestsOut);
  }

  /** Whether no shard moved between the two reads (each shard's {@code version} is bumped by every write). */
  private static boolean sameVersions(List<long[]> before, List<long[]> after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i)[0] != after.get(i)[0] || before.get(i)[4] != after.get(i)[4]) {
        return false;
      }
    }
    return true;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recounting", e);
    }
  }
}
