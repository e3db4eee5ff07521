package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.UserContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The user contract with the user and relation caches off (RocksDbUserTest runs it with them on). */
class RocksDbUncachedUserTest extends UserContract {
  @TempDir Path dir;

  @Override
  protected KithStore openStore() {
    return RocksDbTesting.open(dir, false, 0);
  }

  @Override
  protected KithStore reopenStore() {
    return RocksDbTesting.open(dir, false, 0);
  }
}
