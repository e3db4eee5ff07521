package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.RetriedFaultsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

class RocksDbRetriedFaultsTest extends RetriedFaultsProperties {
  private Path dir;

  @Override
  protected KithStore openStore() {
    dir = RocksDbTesting.newTempDir("kith-faults");
    return RocksDbTesting.open(dir, false);
  }

  @Override
  protected void closed() {
    try {
      RocksDbTesting.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
