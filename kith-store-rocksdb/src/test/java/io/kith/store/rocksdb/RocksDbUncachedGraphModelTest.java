package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphModelProperties;
import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * The model-based property test with the relation and user caches off: the RocksDB read path they stand in front
 * of.
 */
class RocksDbUncachedGraphModelTest extends GraphModelProperties {
  private Path dir;

  @Override
  protected KithStore openStore() {
    dir = RocksDbTesting.newTempDir("kith-property-uncached");
    return RocksDbTesting.open(dir, false, 0);
  }

  @AfterTry
  void deleteDirectory() throws IOException {
    RocksDbTesting.deleteRecursively(dir);
  }
}
