package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.UserId;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Everything that relates {@code a} and {@code b}, read in one multi-get under the pair's lock: both users, the
 * follows, requests and blocks in both directions. Values are the stored times (or records), null when absent.
 */
record PairState(byte[] userA, byte[] userB, byte[] followAB, byte[] followBA, byte[] requestAB, byte[] requestBA,
                 byte[] blockAB, byte[] blockBA) {

  static PairState read(RocksDB db, Map<ColumnFamilies, ColumnFamilyHandle> families, UserId a, UserId b)
      throws RocksDBException {
    List<byte[]> values = db.multiGetAsList(
        List.of(families.get(USERS), families.get(USERS), families.get(FOLLOWS), families.get(FOLLOWS),
            families.get(REQUESTS), families.get(REQUESTS), families.get(BLOCKS), families.get(BLOCKS)),
        List.of(Keys.id(a), Keys.id(b), Keys.pair(a, b), Keys.pair(b, a), Keys.pair(a, b), Keys.pair(b, a),
            Keys.pair(a, b), Keys.pair(b, a)));
    return new PairState(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4), values.get(5),
        values.get(6), values.get(7));
  }

  boolean blockedEitherWay() {
    return blockAB != null || blockBA != null;
  }

  boolean bIsPrivate() {
    return userB != null && Codec.user(userB).user().isPrivate();
  }
}
