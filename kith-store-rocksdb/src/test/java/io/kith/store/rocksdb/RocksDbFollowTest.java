package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.FollowContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbFollowTest extends FollowContract {
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
