package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.DurabilityContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbDurabilityTest extends DurabilityContract {
  @TempDir Path dir;

  @Override
  protected KithStore openStore() {
    return RocksDbTesting.open(dir, true);
  }

  @Override
  protected KithStore reopenStore() {
    return RocksDbTesting.open(dir, true);
  }
}
