package io.kith.bench.peer;

import io.kith.bench.driver.Graph;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ConfigOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.OptionsUtil;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.UInt64AddOperator;

/**
 * The floor under {@code kith}: the same data directory opened read-only with the options it was written with,
 * and only the RocksDB calls a read needs, with the key layout of docs/storage.md: a check is one multi-get of the
 * 40 {@code follows} keys (both directions), a page one seek and {@code limit + 1} steps, a count one multi-get of
 * the three counters a Kith count read answers. What {@code kith} spends beyond this is the store's own overhead. Reads only: it runs no write workload.
 */
public final class RawRocksDbPeer implements Peer {
  private final Path dataDir;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private RocksDB db;
  private ColumnFamilyHandle follows;
  private ColumnFamilyHandle followers;
  private ColumnFamilyHandle counts;

  public RawRocksDbPeer(Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public String name() {
    return "rocksdb-raw";
  }

  @Override
  public String settings() {
    return "RocksDB " + RocksDB.rocksdbVersion() + " JNI calls only, read-only on kith's directory with its own"
        + " OPTIONS file (same Bloom filters, block cache size); reads only";
  }

  @Override
  public void load(Graph graph) throws RocksDBException {
    RocksDB.loadLibrary();
    ConfigOptions config = new ConfigOptions().setIgnoreUnknownOptions(true);
    DBOptions options = new DBOptions();
    resources.add(config);
    resources.add(options);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    OptionsUtil.loadLatestOptions(config, dataDir.toString(), options, descriptors);
    for (ColumnFamilyDescriptor descriptor : descriptors) {
      if (name(descriptor).equals("counts")) {
        UInt64AddOperator add = new UInt64AddOperator();
        resources.add(add);
        descriptor.getOptions().setMergeOperator(add);
      }
    }
    db = RocksDB.openReadOnly(options, dataDir.toString(), descriptors, handles);
    for (int i = 0; i < descriptors.size(); i++) {
      switch (name(descriptors.get(i))) {
        case "follows" -> follows = handles.get(i);
        case "followers" -> followers = handles.get(i);
        case "counts" -> counts = handles.get(i);
        default -> { }
      }
    }
  }

  private static String name(ColumnFamilyDescriptor descriptor) {
    return new String(descriptor.getName(), StandardCharsets.UTF_8);
  }

  @Override
  public int checks(int viewer, int[] others) {
    List<byte[]> keys = new ArrayList<>(2 * others.length);
    for (int other : others) {
      keys.add(pair(viewer, other));
      keys.add(pair(other, viewer));
    }
    try {
      List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), follows), keys);
      int following = 0;
      for (int i = 0; i < values.size(); i += 2) {
        if (values.get(i) != null) {
          following++;
        }
      }
      return following;
    } catch (RocksDBException e) {
      throw new IllegalStateException("rocksdb-raw checks: " + e.getMessage(), e);
    }
  }

  @Override
  public Page followers(int owner, Object cursor, int limit) {
    try (Slice upper = new Slice(ByteBuffer.allocate(8).putLong(owner + 1L).array());
         ReadOptions read = new ReadOptions().setIterateUpperBound(upper);
         RocksIterator it = db.newIterator(followers, read)) {
      if (cursor == null) {
        it.seek(ByteBuffer.allocate(8).putLong(owner).array());
      } else {
        byte[] from = (byte[]) cursor;
        it.seek(from);
        if (it.isValid() && Arrays.equals(it.key(), from)) {
          it.next();
        }
      }
      int size = 0;
      byte[] last = null;
      while (it.isValid() && size < limit) {
        last = it.key();
        size++;
        it.next();
      }
      return new Page(size, it.isValid() ? last : null);
    }
  }

  @Override
  public long followerCount(int user) {
    try {
      // Kith's count read answers followers, following and friends (a card shows all three): the same three keys.
      List<byte[]> values = db.multiGetAsList(Collections.nCopies(3, counts), List.of(
          ByteBuffer.allocate(9).putLong(user).put((byte) 'r').array(),
          ByteBuffer.allocate(9).putLong(user).put((byte) 'g').array(),
          ByteBuffer.allocate(9).putLong(user).put((byte) 'f').array()));
      byte[] value = values.getFirst();
      return value == null ? 0 : ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
    } catch (RocksDBException e) {
      throw new IllegalStateException("rocksdb-raw counts: " + e.getMessage(), e);
    }
  }

  private static byte[] pair(long follower, long followee) {
    return ByteBuffer.allocate(16).putLong(follower).putLong(followee).array();
  }

  @Override
  public boolean follow(int follower, int followee) {
    throw new UnsupportedOperationException("rocksdb-raw is read-only");
  }

  @Override
  public boolean unfollow(int follower, int followee) {
    throw new UnsupportedOperationException("rocksdb-raw is read-only");
  }

  @Override
  public int profile(int user) {
    throw new UnsupportedOperationException("rocksdb-raw is read-only");
  }

  @Override
  public void updateProfile(int user, String bio) {
    throw new UnsupportedOperationException("rocksdb-raw is read-only");
  }

  @Override
  public void createUser(int user) {
    throw new UnsupportedOperationException("rocksdb-raw is read-only");
  }

  @Override
  public void deleteUser(int user) {
    throw new UnsupportedOperationException("rocksdb-raw is read-only");
  }

  @Override
  public long footprintBytes() {
    return -1;
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    if (db != null) {
      db.close();
    }
    for (AutoCloseable resource : resources.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing after the run: nothing left to protect
      }
    }
  }
}
