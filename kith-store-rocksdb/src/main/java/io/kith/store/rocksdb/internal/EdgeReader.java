package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/** Pages through one owner's list: one seek, then at most limit + 1 steps, whatever the list's length. */
final class EdgeReader {
  private EdgeReader() {}

  /**
   * Every list family has the owner's 8-byte id as its prefix (see {@link ColumnFamilies}), so one shared, immutable
   * ReadOptions bounds every scan to its owner; no per-page native bound and options to allocate and free.
   */
  private static final ReadOptions WITHIN_OWNER = new ReadOptions().setPrefixSameAsStart(true);

  static EdgePage page(RocksDB db, ColumnFamilyHandle family, UserId owner, PageRequest request)
      throws RocksDBException {
    try (RocksIterator it = db.newIterator(family, WITHIN_OWNER)) {
      if (request.after().isPresent()) {
        byte[] from = Keys.listEntry(owner, request.after().get());
        it.seek(from);
        if (it.isValid() && Arrays.equals(it.key(), from)) {
          it.next(); // strictly after the cursor's position
        }
      } else {
        it.seek(Keys.id(owner));
      }
      List<Edge> edges = new ArrayList<>(request.limit());
      while (it.isValid() && edges.size() < request.limit()) {
        edges.add(Keys.edgeOf(it.key()));
        it.next();
      }
      boolean more = it.isValid();
      it.status();
      return new EdgePage(edges, more ? Optional.of(edges.getLast().position()) : Optional.empty());
    }
  }

  /** The first {@code limit} entries of a list, for the deletion of a user's edges. */
  static List<Edge> head(RocksDB db, ColumnFamilyHandle family, UserId owner, int limit) throws RocksDBException {
    return page(db, family, owner, PageRequest.first(limit)).edges();
  }
}
