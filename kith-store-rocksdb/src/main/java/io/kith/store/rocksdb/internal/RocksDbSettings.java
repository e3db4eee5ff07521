package io.kith.store.rocksdb.internal;

import io.kith.core.spi.StoreConfig;
import java.nio.file.Path;

/**
 * Validated settings of the RocksDB backend. {@code userCacheMb} bounds the {@link UserCache} (0: off);
 * {@code statistics} turns on RocksDB's tickers (off by default: their
 * bookkeeping costs on every call), which {@link RocksDbStore#walSyncs} reads.
 */
public record RocksDbSettings(Path path, boolean sync, long blockCacheMb, long relationCacheMb, long userCacheMb,
                              boolean statistics) {
  public RocksDbSettings(Path path, boolean sync, long blockCacheMb, long relationCacheMb) {
    this(path, sync, blockCacheMb, relationCacheMb, 64, false);
  }

  public static RocksDbSettings from(StoreConfig config) {
    return new RocksDbSettings(
        config.path("path"),
        config.bool("sync", true),
        config.longValue("block_cache_mb", 256, 8, 1 << 20),
        config.longValue("relation_cache_mb", 256, 0, 1 << 20),
        config.longValue("user_cache_mb", 64, 0, 1 << 20),
        config.bool("statistics", false));
  }
}
