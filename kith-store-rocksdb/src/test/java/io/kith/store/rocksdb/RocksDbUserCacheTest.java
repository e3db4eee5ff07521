package io.kith.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.store.tck.StoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user cache answers user reads from memory. It must never answer older than the last acknowledged write of
 * the record: profile updates, handle changes, deletion; also while other threads load and batch-fill the same
 * entries.
 */
class RocksDbUserCacheTest extends StoreContract {
  @TempDir Path dir;

  @Override
  protected KithStore openStore() {
    return RocksDbTesting.open(dir, false);
  }

  @Override
  protected KithStore reopenStore() {
    return RocksDbTesting.open(dir, false);
  }

  @Test
  void everyWriteOfARecordIsSeenByTheNextRead() {
    User ann = newUser();
    UserId id = ann.id();
    // Cached by a single read and by a batch read.
    assertThat(store.user(id)).contains(ann);
    assertThat(store.users(List.of(id))).containsExactly(ann);

    store.updateUser(id, ProfileUpdate.none().withBio("updated"));
    assertThat(store.user(id).orElseThrow().bio()).isEqualTo("updated");
    assertThat(store.users(List.of(id)).getFirst().bio()).isEqualTo("updated");

    Handle renamed = new Handle("renamed_" + Long.toString(System.nanoTime() % 1_000_000, 36));
    store.updateUser(id, ProfileUpdate.none().withHandle(renamed));
    assertThat(store.user(id).orElseThrow().handle()).isEqualTo(renamed);
    assertThat(store.users(List.of(id)).getFirst().handle()).isEqualTo(renamed);
    assertThat(store.userByHandle(renamed).map(User::id)).contains(id);
    assertThat(store.userByHandle(ann.handle())).isEmpty();

    store.updateUser(id, ProfileUpdate.none().withPrivate(true));
    assertThat(store.user(id).orElseThrow().isPrivate()).isTrue();

    assertThat(store.deleteUser(id)).isTrue();
    assertThat(store.user(id)).isEmpty();
    assertThat(store.users(List.of(id))).isEmpty();
    assertThat(store.passwordHash(id)).isEmpty();
    assertThat(store.userByHandle(renamed)).isEmpty();
  }

  @Test
  void readsSeeEveryAcknowledgedUpdateWhileOtherThreadsLoadTheSameEntries() throws Exception {
    List<UserId> users = newUsers(4);
    AtomicLongArray acknowledged = new AtomicLongArray(users.size());
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(users.size() + 2);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        boolean batch = r == 0;
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            for (int i = 0; i < users.size(); i++) {
              long floor = acknowledged.get(i); // acknowledged before this read began
              User read = batch ? store.users(List.of(users.get(i))).getFirst()
                  : store.user(users.get(i)).orElseThrow();
              long seen = read.bio().isEmpty() ? 0 : Long.parseLong(read.bio());
              assertThat(seen).as("bio version of user %d", i).isGreaterThanOrEqualTo(floor);
            }
          }
          return null;
        }));
      }
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        int slot = i;
        writers.add(pool.submit(() -> {
          for (long version = 1; version <= 300; version++) {
            store.updateUser(users.get(slot), ProfileUpdate.none().withBio(Long.toString(version)));
            acknowledged.set(slot, version);
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> reader : readers) {
        reader.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    for (int i = 0; i < users.size(); i++) {
      assertThat(store.user(users.get(i)).orElseThrow().bio()).isEqualTo("300");
    }
  }
}
