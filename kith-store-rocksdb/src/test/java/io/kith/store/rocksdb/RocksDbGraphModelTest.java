package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphModelProperties;
import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterTry;

class RocksDbGraphModelTest extends GraphModelProperties {
  private Path dir;

  @Override
  protected KithStore openStore() {
    dir = RocksDbTesting.newTempDir("kith-property");
    return RocksDbTesting.open(dir, false);
  }

  @AfterTry
  void deleteDirectory() throws IOException {
    RocksDbTesting.deleteRecursively(dir);
  }
}
