package io.kith.store.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The popular-accounts ranking reads every user's counts in the background; on a million users it would evict every
 * count a request had cached (and pay for caching a million). Scans read past the cache, with the same answer.
 */
class ScanReadsTest {
  @TempDir
  Path dir;

  @Test
  void scanningCountsAnswersAsCountsWithoutFillingTheCache() {
    try (RocksDbStore store = RocksDbStore.open(new RocksDbSettings(dir, false, 8, 8))) {
      List<UserId> users = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        UserId id = UserId.of(1_000 + i);
        store.createUser(new User(id, new Handle("u" + i), "", "", null, false, Instant.now()), "$argon2id$test");
        users.add(id);
      }
      for (int i = 1; i < users.size(); i++) {
        store.follow(users.get(i), users.getFirst(), Instant.now());
      }
      store.follow(users.getFirst(), users.get(1), Instant.now());

      assertThat(store.scanUsers(Optional.empty(), 100)).hasSize(users.size());
      Map<UserId, Counts> scanned = store.scanCounts(users);
      assertThat(store.cachedCounts()).isZero();

      assertThat(scanned.get(users.getFirst())).isEqualTo(new Counts(49, 1, 1));
      assertThat(scanned).isEqualTo(store.counts(users));
      assertThat(store.cachedCounts()).isEqualTo(users.size());
    }
  }
}
