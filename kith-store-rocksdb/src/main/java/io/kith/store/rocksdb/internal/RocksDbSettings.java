package io.kith.store.rocksdb.internal;

import io.kith.core.spi.StoreConfig;
import java.nio.file.Path;

/** Validated settings of the RocksDB backend. */
public record RocksDbSettings(Path path, boolean sync, long blockCacheMb, long relationCacheMb) {
  public static RocksDbSettings from(StoreConfig config) {
    return new RocksDbSettings(
        config.path("path"),
        config.bool("sync", true),
        config.longValue("block_cache_mb", 256, 8, 1 << 20),
        config.longValue("relation_cache_mb", 256, 0, 1 << 20));
  }
}
