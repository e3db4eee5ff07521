package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Map;

/** Opens the RocksDB backend the way users do: through the provider lookup, with string settings. */
final class RocksDbTesting {
  private RocksDbTesting() {}

  /**
   * Contract tests run without fsync (a process crash still loses nothing acknowledged: the WAL is written before
   * the call returns); the durability and crash tests use the default, sync on.
   */
  /** A new temporary directory, for stores opened per jqwik try (JUnit's @TempDir does not reach tries). */
  static Path newTempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  static KithStore open(Path dir, boolean sync) {
    return open(dir, sync, 256);
  }

  /** With sync on and RocksDB's statistics, to count WAL syncs. */
  static KithStore openWithStatistics(Path dir) {
    return StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of(
        "path", dir.toString(),
        "block_cache_mb", "16",
        "statistics", "true")));
  }

  /**
   * With a relation cache and a user cache of {@code cacheMb} each (0: none, every relationship and user read goes
   * to RocksDB).
   */
  static KithStore open(Path dir, boolean sync, int cacheMb) {
    return StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of(
        "path", dir.toString(),
        "sync", Boolean.toString(sync),
        "block_cache_mb", "16",
        "relation_cache_mb", Integer.toString(cacheMb),
        "user_cache_mb", Integer.toString(cacheMb))));
  }
}
