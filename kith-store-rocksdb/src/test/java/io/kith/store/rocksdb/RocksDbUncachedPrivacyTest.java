package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.PrivacyContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The privacy contract (requests, blocks, mutes) with the relation and user caches off. */
class RocksDbUncachedPrivacyTest extends PrivacyContract {
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
