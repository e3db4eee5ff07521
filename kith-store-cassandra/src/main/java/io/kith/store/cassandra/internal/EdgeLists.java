package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.UserId;
import io.kith.core.relation.pair.Effects;
import io.kith.core.relation.pair.ListEntry;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The per-user lists: entries in time buckets ({@code at / bucket_span_ms}), so a list of millions is many bounded
 * partitions, and a small directory of the buckets each list has used. Every read is one partition, limited by
 * what the page still needs.
 */
final class EdgeLists {
  /** Directory rows read per step of a page walk. */
  private static final int DIRECTORY_STEP = 32;

  private final Cql cql;
  private final long span;

  EdgeLists(Cql cql) {
    this.cql = cql;
    this.span = cql.settings().bucketSpanMillis();
  }

  /**
   * Writes a change's entries in one logged batch, at the change's write timestamp: a late repeat of an older
   * change carries an older timestamp and so can never undo a newer one.
   */
  CompletableFuture<Void> applyAsync(Effects effects, long timestampMicros) {
    List<BoundStatement> writes = new ArrayList<>();
    for (ListEntry entry : effects.removed()) {
      writes.add(delete(ListKind.of(entry.list()), entry.owner(), entry.at().toEpochMilli(), entry.other(),
          timestampMicros));
    }
    for (ListEntry entry : effects.added()) {
      ListKind kind = ListKind.of(entry.list());
      long at = entry.at().toEpochMilli();
      writes.add(cql.bind("INSERT INTO $.edges (owner, list, bucket, at, other) VALUES (?, ?, ?, ?, ?)"
              + " USING TIMESTAMP ?", entry.owner().value(), kind.code, bucket(at), at, entry.other().value(),
          timestampMicros));
      writes.add(cql.bind("INSERT INTO $.edge_buckets (owner, list, bucket) VALUES (?, ?, ?)",
          entry.owner().value(), kind.code, bucket(at)));
    }
    return cql.loggedAsync(writes);
  }

  /** Deletes entries of {@code owner}'s list that no pair row stands behind (never expected), in one batch. */
  void removeStray(ListKind kind, UserId owner, List<Edge> entries, long timestampMicros) {
    List<BoundStatement> writes = new ArrayList<>();
    for (Edge entry : entries) {
      writes.add(delete(kind, owner, entry.at().toEpochMilli(), entry.other(), timestampMicros));
    }
    cql.loggedAsync(writes).join();
  }

  private BoundStatement delete(ListKind kind, UserId owner, long at, UserId other, long timestampMicros) {
    return cql.bind("DELETE FROM $.edges USING TIMESTAMP ? WHERE owner = ? AND list = ? AND bucket = ?"
        + " AND at = ? AND other = ?", timestampMicros, owner.value(), kind.code, bucket(at), at, other.value());
  }

  EdgePage page(ListKind kind, UserId owner, PageRequest request) {
    int want = request.limit() + 1; // one more than asked: whether a next page exists, exactly
    List<Edge> found = new ArrayList<>(Math.min(want, 1024));
    Optional<Position> after = request.after();
    long fromBucket = after.map(p -> bucket(p.atMillis())).orElse(Long.MAX_VALUE);
    boolean firstStep = true;
    while (found.size() < want) {
      List<Row> buckets = cql.all("SELECT bucket FROM $.edge_buckets WHERE owner = ? AND list = ?"
              + (firstStep ? " AND bucket <= ?" : " AND bucket < ?") + " LIMIT ?",
          owner.value(), kind.code, fromBucket, DIRECTORY_STEP);
      for (Row row : buckets) {
        long bucket = row.getLong(0);
        List<Row> entries;
        int need = want - found.size();
        if (after.isPresent() && bucket == bucket(after.get().atMillis())) {
          entries = cql.all("SELECT at, other FROM $.edges WHERE owner = ? AND list = ? AND bucket = ?"
                  + " AND (at, other) < (?, ?) LIMIT ?", owner.value(), kind.code, bucket,
              after.get().atMillis(), after.get().other().value(), need);
        } else {
          entries = cql.all("SELECT at, other FROM $.edges WHERE owner = ? AND list = ? AND bucket = ? LIMIT ?",
              owner.value(), kind.code, bucket, need);
        }
        for (Row entry : entries) {
          found.add(new Edge(UserId.of(entry.getLong(1)), Instant.ofEpochMilli(entry.getLong(0))));
        }
        if (found.size() >= want) {
          break;
        }
      }
      if (buckets.size() < DIRECTORY_STEP) {
        break;
      }
      fromBucket = buckets.getLast().getLong(0);
      firstStep = false;
    }
    if (found.size() > request.limit()) {
      List<Edge> page = found.subList(0, request.limit());
      return new EdgePage(page, Optional.of(page.getLast().position()));
    }
    return new EdgePage(found, Optional.empty());
  }

  /** The first {@code limit} entries of a list, for a deletion or an approval in chunks. */
  List<Edge> head(ListKind kind, UserId owner, int limit) {
    return page(kind, owner, PageRequest.first(limit)).edges();
  }

  long bucket(long atMillis) {
    return Math.floorDiv(atMillis, span);
  }
}
