package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphVisibilityProperties;
import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.AfterTry;

class RocksDbGraphVisibilityTest extends GraphVisibilityProperties {
  private Path dir;

  @Override
  protected KithStore openStore() {
    dir = RocksDbTesting.newTempDir("kith-visibility-property");
    return RocksDbTesting.open(dir, false);
  }

  @AfterTry
  void deleteDirectory() throws IOException {
    RocksDbTesting.deleteRecursively(dir);
  }
}
