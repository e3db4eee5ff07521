package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphQueryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbGraphQueryTest extends GraphQueryContract {
  @TempDir Path dir;

  @Override
  protected KithStore openStore() {
    return RocksDbTesting.open(dir, false);
  }

  @Override
  protected KithStore reopenStore() {
    return RocksDbTesting.open(dir, false);
  }
}
