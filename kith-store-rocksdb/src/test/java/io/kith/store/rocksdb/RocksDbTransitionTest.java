package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.TransitionContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbTransitionTest extends TransitionContract {
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
