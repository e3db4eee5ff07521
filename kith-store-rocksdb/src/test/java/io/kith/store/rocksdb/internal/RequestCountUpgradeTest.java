package io.kith.store.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.store.tck.GraphInvariants;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;

/**
 * A data directory written before the count of outgoing requests existed holds pending requests that count never
 * saw: the first open counts them, once.
 */
class RequestCountUpgradeTest {
  @TempDir
  Path dir;

  @Test
  void theFirstOpenCountsTheRequestsAnOlderVersionStored() throws Exception {
    UserId fan = UserId.of(1_001);
    UserId other = UserId.of(1_002);
    List<UserId> owners = List.of(UserId.of(2_001), UserId.of(2_002), UserId.of(2_003));
    try (RocksDbStore store = open()) {
      for (UserId id : List.of(fan, other, owners.get(0), owners.get(1), owners.get(2))) {
        store.createUser(new User(id, new Handle("u" + id), "", "", null, false, Instant.now()), "$argon2id$test");
      }
      for (UserId owner : owners) {
        store.updateUser(owner, ProfileUpdate.none().withPrivate(true));
        store.follow(fan, owner, Instant.now());
      }
      store.follow(other, owners.getFirst(), Instant.now());
      assertThat(store.outgoingRequests(fan)).isEqualTo(3);
    }
    // As an older version left the directory: no request counters, no marker that they were counted.
    forgetRequestCounts(List.of(fan, other));

    try (RocksDbStore store = open()) {
      assertThat(store.outgoingRequests(fan)).isEqualTo(3);
      assertThat(store.outgoingRequests(other)).isEqualTo(1);
      store.unfollow(fan, owners.getFirst());
      assertThat(store.outgoingRequests(fan)).isEqualTo(2);
      List<UserId> everyone = new ArrayList<>(owners);
      everyone.add(fan);
      everyone.add(other);
      GraphInvariants.assertHold(store, everyone);
    }
    try (RocksDbStore store = open()) {
      assertThat(store.outgoingRequests(fan)).as("counted once, not again on every open").isEqualTo(2);
    }
  }

  private RocksDbStore open() {
    return RocksDbStore.open(new RocksDbSettings(dir, false, 8, 8));
  }

  private void forgetRequestCounts(List<UserId> users) throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    LRUCache cache = new LRUCache(8 << 20);
    resources.add(cache);
    DBOptions options = new DBOptions();
    resources.add(options);
    try (RocksDB db = RocksDB.open(options, dir.toString(), ColumnFamilies.descriptors(cache, resources), handles)) {
      ColumnFamilyHandle counts = ColumnFamilies.COUNTS.handle(handles);
      for (UserId user : users) {
        db.delete(counts, Keys.counter(user, Keys.REQUESTS_OUT));
      }
      db.delete(counts, Keys.REQUESTS_OUT_COUNTED);
      handles.forEach(ColumnFamilyHandle::close);
    } finally {
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }
}
