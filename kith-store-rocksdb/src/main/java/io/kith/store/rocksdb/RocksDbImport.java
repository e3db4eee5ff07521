package io.kith.store.rocksdb;

import io.kith.core.UserId;
import io.kith.store.rocksdb.internal.BulkImporter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Bulk import of a follow graph into a stopped data directory, at the speed of sorted SST files ingested rather
 * than one write per edge. The result is exactly what the online write path would have produced for the same
 * follows in the same order (see docs/storage.md): users, the point edges, both lists, friendships of mutual pairs
 * (dated by the later of the two follows) and the counters.
 *
 * <p>How a dataset maps to Kith:
 * <ul>
 *   <li>node {@code n} becomes the user with id {@code n + 1} (Kith ids are positive) and handle {@code u<n>}, an
 *       empty profile and no password (it cannot log in until one is set through the store);</li>
 *   <li>edges are dated in file order, one millisecond apart, the last one at {@code newestAt}, so lists come out
 *       newest-last-in-the-file first;</li>
 *   <li>a repeated edge keeps its first occurrence; an edge or user the directory already holds is left as it is,
 *       so importing the same file again adds nothing and counts stay exact.</li>
 * </ul>
 * The import opens RocksDB itself, so it refuses a directory a running server holds (RocksDB's {@code LOCK}).
 */
public final class RocksDbImport {
  private RocksDbImport() {}

  /** Called as the import moves through its phases: read, index, users, edges, friends, ingest. */
  @FunctionalInterface
  public interface Progress {
    void update(String phase, long done, long total);

    Progress NONE = (phase, done, total) -> {};
  }

  /** What an import did. */
  public record Summary(long usersCreated, long usersExisting, long edgesImported, long duplicateEdges,
                        long edgesAlreadyPresent, long friendships, long sstBytes, Duration elapsed) {}

  public static UserId userIdOf(long node) {
    if (node < 0 || node == Long.MAX_VALUE) {
      throw new IllegalArgumentException("node id: " + node + " (expected: 0-" + (Long.MAX_VALUE - 1) + ")");
    }
    return UserId.of(node + 1);
  }

  public static long nodeOf(UserId id) {
    return id.value() - 1;
  }

  public static String handleOf(long node) {
    return "u" + node;
  }

  /**
   * Imports the first {@code count} edges {@code followers[i] -> followees[i]}, given as dataset node ids in follow
   * order, without self-loops (the caller skips and counts those).
   */
  public static Summary run(Path dataDir, long[] followers, long[] followees, int count, Instant newestAt,
                            Progress progress) {
    if (count < 0 || count > followers.length || count > followees.length) {
      throw new IllegalArgumentException("count: " + count + " (expected: 0-" + Math.min(followers.length,
          followees.length) + ")");
    }
    for (int i = 0; i < count; i++) {
      userIdOf(followers[i]);
      userIdOf(followees[i]);
      if (followers[i] == followees[i]) {
        throw new IllegalArgumentException("edge " + i + ": " + followers[i] + " -> " + followees[i]
            + " (expected: no self-loops; a user cannot follow themselves)");
      }
    }
    return BulkImporter.run(dataDir, followers, followees, count, newestAt.toEpochMilli(), progress);
  }
}
