package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.store.rocksdb.internal.RocksDbStore;
import io.kith.store.rocksdb.internal.RocksDbSettings;

/**
 * The embedded RocksDB backend, named {@code rocksdb}. Settings:
 * <ul>
 *   <li>{@code path}: the data directory (required; created if missing);</li>
 *   <li>{@code sync}: fsync the write-ahead log before acknowledging a write (default {@code true}: an acknowledged
 *       write survives power loss; {@code false} survives a process crash only);</li>
 *   <li>{@code block_cache_mb}: the shared block cache (default 256).</li>
 * </ul>
 */
public final class RocksDbStoreProvider implements StoreProvider {
  public static final String NAME = "rocksdb";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KithStore open(StoreConfig config) {
    return RocksDbStore.open(RocksDbSettings.from(config));
  }
}
