package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWERS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FRIENDS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.HANDLES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.store.rocksdb.RocksDbImport;
import io.kith.store.rocksdb.RocksDbImport.Progress;
import io.kith.store.rocksdb.RocksDbImport.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The engine behind {@link RocksDbImport}: opens the directory offline, indexes the edges, writes one sorted SST
 * file per column family and ingests them. Ingestion is per family, so a marker in the default family brackets
 * it: an import cut short between two families leaves the marker, and the next import refuses to build on it.
 */
public final class BulkImporter {
  /** No user can log in with this: it is not a PHC string, so every verification fails. */
  static final String NO_PASSWORD = "!";
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] IMPORT_MARKER = "kith:import-in-progress".getBytes(StandardCharsets.UTF_8);
  private static final int MULTI_GET_BATCH = 1024;

  private final RocksDB db;
  private final Map<ColumnFamilies, ColumnFamilyHandle> families = new EnumMap<>(ColumnFamilies.class);
  private final Map<ColumnFamilies, ColumnFamilyDescriptor> descriptors = new EnumMap<>(ColumnFamilies.class);
  private final ColumnFamilyHandle defaultFamily;
  private final DBOptions dbOptions;
  private final Path workDir;
  private final Progress progress;
  private final List<SstBuilder> builders = new ArrayList<>();
  private final AtomicLong written = new AtomicLong();
  private volatile long expectedEntries;

  private BulkImporter(RocksDB db, List<ColumnFamilyHandle> handles, List<ColumnFamilyDescriptor> descriptorList,
                       DBOptions dbOptions, Path workDir, Progress progress) {
    this.db = db;
    this.defaultFamily = handles.get(0);
    for (ColumnFamilies family : ColumnFamilies.values()) {
      families.put(family, family.handle(handles));
      descriptors.put(family, descriptorList.get(family.ordinal() + 1));
    }
    this.dbOptions = dbOptions;
    this.workDir = workDir;
    this.progress = progress;
  }

  public static Summary run(Path dataDir, long[] followers, long[] followees, int count, long newestAtMillis,
                            Progress progress) {
    long started = System.nanoTime();
    RocksDB.loadLibrary();
    List<AutoCloseable> resources = new ArrayList<>();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      Files.createDirectories(dataDir);
      LRUCache cache = new LRUCache(64L << 20);
      resources.add(cache);
      DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
          .setKeepLogFileNum(10);
      resources.add(options);
      List<ColumnFamilyDescriptor> descriptorList = ColumnFamilies.descriptors(cache, resources);
      RocksDB db = open(dataDir, options, descriptorList, handles);
      resources.add(db);
      Path workDir = Files.createTempDirectory(dataDir, ".import-");
      try {
        BulkImporter importer = new BulkImporter(db, handles, descriptorList, options, workDir, progress);
        progress.update("index", 0, count);
        EdgeIndex index = EdgeIndex.of(followers, followees, count);
        progress.update("index", count, count);
        Summary summary = importer.importAll(index, newestAtMillis);
        return new Summary(summary.usersCreated(), summary.usersExisting(), summary.edgesImported(),
            summary.duplicateEdges(), summary.edgesAlreadyPresent(), summary.friendships(), summary.sstBytes(),
            Duration.ofNanos(System.nanoTime() - started));
      } finally {
        deleteTree(workDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("import into " + dataDir + " failed: " + e.getMessage(), e);
    } catch (RocksDBException e) {
      throw new IllegalStateException("import into " + dataDir + " failed: " + e.getMessage(), e);
    } finally {
      handles.forEach(ColumnFamilyHandle::close);
      for (AutoCloseable resource : resources.reversed()) {
        try {
          resource.close();
        } catch (Exception ignored) {
          // Closing after a failure: the original error is what matters.
        }
      }
    }
  }

  private static RocksDB open(Path dataDir, DBOptions options, List<ColumnFamilyDescriptor> descriptors,
                              List<ColumnFamilyHandle> handles) {
    try {
      return RocksDB.open(options, dataDir.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("lock") || message.contains("LOCK")) {
        throw new IllegalStateException("data: " + dataDir + " is in use by another process (a running server"
            + " holds its LOCK file); stop the server and run the import again", e);
      }
      throw new IllegalStateException("data: " + dataDir + " cannot be opened: " + message, e);
    }
  }

  private Summary importAll(EdgeIndex index, long newestAtMillis) throws RocksDBException {
    if (db.get(defaultFamily, IMPORT_MARKER) != null) {
      throw new IllegalStateException("data: an earlier import into this directory was interrupted while its files"
          + " were being ingested, so its counts may be partial; restore a backup or import into an empty"
          + " directory (expected: no interrupted import)");
    }
    long oldestAtMillis = newestAtMillis - Math.max(0, index.edgeCount - 1);
    boolean storeHasGraph = hasAny(FOLLOWS);
    boolean storeHasUsers = hasAny(USERS) || hasAny(HANDLES);

    boolean[] userExists = storeHasUsers ? existingUsers(index) : new boolean[index.users()];
    long alreadyPresent = storeHasGraph ? dropEdgesPresent(index) : 0;
    long[] following = new long[index.users()];
    long[] followers = new long[index.users()];
    long edges = countKept(index, following, followers);
    SstBuilder users = builder(USERS);
    SstBuilder handles = builder(HANDLES);
    SstBuilder follows = builder(FOLLOWS);
    SstBuilder followingList = builder(FOLLOWING);
    SstBuilder followersList = builder(FOLLOWERS);
    SstBuilder friendsList = builder(FRIENDS);
    SstBuilder counts = builder(COUNTS);
    expectedEntries = 2L * index.users() + 3L * edges;
    progress.update("write", 0, expectedEntries);
    // Each family's file is written by its own task: they only read the index, and the cores are the limit.
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    FriendEntries.StoredFollowTime stored = storeHasGraph ? this::storedFollowTime : (a, b) -> -1L;
    try {
      Future<Long> usersCreated = pool.submit(() -> writeUsers(index, userExists, oldestAtMillis - 1,
          storeHasUsers, users, handles));
      Future<?> forward = pool.submit(() -> {
        writeFollowsAndFollowing(index, newestAtMillis, follows, followingList);
        return null;
      });
      Future<?> reverse = pool.submit(() -> {
        writeFollowers(index, newestAtMillis, followersList);
        return null;
      });
      Future<FriendEntries> friendsAndCounts = pool.submit(() -> {
        FriendEntries friends = FriendEntries.collect(index, newestAtMillis, stored);
        writeCounts(index, followers, following, friends.write(friendsList, index));
        return friends;
      });
      long created = join(usersCreated);
      join(forward);
      join(reverse);
      FriendEntries friends = join(friendsAndCounts);
      progress.update("write", expectedEntries, expectedEntries);
      long bytes = ingest();
      return new Summary(created, index.users() - created, edges, index.duplicates, alreadyPresent,
          friends.friendships(), bytes, Duration.ZERO);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T join(Future<T> task) throws RocksDBException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RocksDBException rocks) {
        throw rocks;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("import failed: " + e.getCause(), e.getCause());
    }
  }

  /** Each user's kept out- and in-degree: the count deltas. Returns the edges the import writes. */
  private static long countKept(EdgeIndex index, long[] following, long[] followers) {
    long kept = 0;
    for (int edge = 0; edge < index.edgeCount; edge++) {
      if (!index.dropped[edge]) {
        following[index.from[edge]]++;
        followers[index.to[edge]]++;
        kept++;
      }
    }
    return kept;
  }

  private void written(long entries) {
    long total = written.addAndGet(entries);
    progress.update("write", Math.min(total, expectedEntries), expectedEntries);
  }

  private long writeUsers(EdgeIndex index, boolean[] exists, long createdAtMillis, boolean checkHandles,
                          SstBuilder users, SstBuilder handles) throws RocksDBException {
    List<String> newHandles = new ArrayList<>();
    Instant createdAt = Instant.ofEpochMilli(Math.max(0, createdAtMillis));
    for (int u = 0; u < index.users(); u++) {
      if (exists[u]) {
        continue;
      }
      long node = index.nodes[u];
      UserId id = RocksDbImport.userIdOf(node);
      String handle = RocksDbImport.handleOf(node);
      users.put(Keys.id(id), Codec.user(new User(id, new Handle(handle), "", "", null, false, createdAt),
          NO_PASSWORD));
      newHandles.add(handle);
      if ((u & 0xffff) == 0xffff) {
        written(0x10000);
      }
    }
    Collections.sort(newHandles); // ASCII, so String order is the family's bytewise order
    for (String handle : newHandles) {
      UserId id = RocksDbImport.userIdOf(Long.parseLong(handle, 1, handle.length(), 10));
      if (checkHandles) {
        byte[] owner = db.get(families.get(HANDLES), Keys.handle(handle));
        if (owner != null && Keys.idAt(owner, 0).value() != id.value()) {
          throw new IllegalStateException("handle: " + handle + " is taken by user " + Keys.idAt(owner, 0)
              + " (expected: free for dataset node " + RocksDbImport.nodeOf(id) + ", imported as user " + id + ")");
        }
      }
      handles.put(Keys.handle(handle), Keys.id(id));
    }
    return newHandles.size();
  }

  private boolean[] existingUsers(EdgeIndex index) throws RocksDBException {
    boolean[] exists = new boolean[index.users()];
    for (int start = 0; start < index.users(); start += MULTI_GET_BATCH) {
      int end = Math.min(index.users(), start + MULTI_GET_BATCH);
      List<byte[]> keys = new ArrayList<>(end - start);
      for (int u = start; u < end; u++) {
        keys.add(Keys.id(RocksDbImport.userIdOf(index.nodes[u])));
      }
      List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), families.get(USERS)), keys);
      for (int u = start; u < end; u++) {
        exists[u] = values.get(u - start) != null;
      }
    }
    return exists;
  }

  /** Marks the edges the store already holds as dropped, so a re-run adds nothing and counts stay exact. */
  private long dropEdgesPresent(EdgeIndex index) throws RocksDBException {
    long present = 0;
    List<byte[]> keys = new ArrayList<>(MULTI_GET_BATCH);
    List<Integer> edges = new ArrayList<>(MULTI_GET_BATCH);
    for (int p = 0; p <= index.edgeCount; p++) {
      if (keys.size() == MULTI_GET_BATCH || (p == index.edgeCount && !keys.isEmpty())) {
        List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), families.get(FOLLOWS)), keys);
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i) != null) {
            index.dropped[edges.get(i)] = true;
            present++;
          }
        }
        keys.clear();
        edges.clear();
      }
      if (p < index.edgeCount && !index.dropped[p]) {
        keys.add(Keys.pair(userId(index, index.from[p]), userId(index, index.to[p])));
        edges.add(p);
      }
    }
    return present;
  }

  /** The follows family and the following lists, one follower at a time. */
  private void writeFollowsAndFollowing(EdgeIndex index, long newestAtMillis, SstBuilder follows,
                                        SstBuilder followingList) throws RocksDBException {
    KeyBytes keys = new KeyBytes();
    for (int u = 0; u < index.users(); u++) {
      long owner = kithId(index, u);
      for (int p = index.outStart[u]; p < index.outStart[u + 1]; p++) {
        int edge = index.edgeAt(p);
        if (!index.dropped[edge]) {
          follows.put(keys.pair(owner, kithId(index, index.to[edge])),
              keys.millis(timeOf(index, edge, newestAtMillis)));
        }
      }
      for (int p = index.outStart[u + 1] - 1; p >= index.outStart[u]; p--) { // newest first
        int edge = index.outByTime[p];
        if (!index.dropped[edge]) {
          followingList.put(keys.listEntry(owner, timeOf(index, edge, newestAtMillis), kithId(index, index.to[edge])),
              EMPTY);
        }
      }
      if ((u & 0xffff) == 0xffff) {
        written(2L * (index.outStart[u + 1] - index.outStart[u + 1 - 0x10000]));
      }
    }
  }

  /** The followers lists, one followee at a time, newest first. */
  private void writeFollowers(EdgeIndex index, long newestAtMillis, SstBuilder followersList)
      throws RocksDBException {
    KeyBytes keys = new KeyBytes();
    for (int v = 0; v < index.users(); v++) {
      long owner = kithId(index, v);
      for (int p = index.inStart[v + 1] - 1; p >= index.inStart[v]; p--) {
        int edge = index.inByTime[p];
        if (!index.dropped[edge]) {
          followersList.put(keys.listEntry(owner, timeOf(index, edge, newestAtMillis),
              kithId(index, index.from[edge])), EMPTY);
        }
      }
      if ((v & 0xffff) == 0xffff) {
        written(index.inStart[v + 1] - index.inStart[v + 1 - 0x10000]);
      }
    }
  }

  private void writeCounts(EdgeIndex index, long[] followers, long[] following, long[] friends)
      throws RocksDBException {
    SstBuilder counts = builder(COUNTS);
    for (int u = 0; u < index.users(); u++) {
      UserId id = userId(index, u);
      // Merge operands, not values: they add to whatever the store already counted. Keys in bytewise order f < g < r.
      if (friends[u] != 0) {
        counts.merge(Keys.counter(id, Keys.FRIENDS), Keys.delta(friends[u]));
      }
      if (following[u] != 0) {
        counts.merge(Keys.counter(id, Keys.FOLLOWING), Keys.delta(following[u]));
      }
      if (followers[u] != 0) {
        counts.merge(Keys.counter(id, Keys.FOLLOWERS), Keys.delta(followers[u]));
      }
    }
  }

  /** Ingests every finished file, bracketed by the marker; returns the bytes ingested. */
  private long ingest() throws RocksDBException {
    List<Map.Entry<ColumnFamilies, List<String>>> files = new ArrayList<>();
    long bytes = 0;
    for (SstBuilder builder : builders) {
      List<Path> written = builder.finish();
      if (!written.isEmpty()) {
        files.add(Map.entry(builder.family(), written.stream().map(Path::toString).toList()));
        bytes += builder.bytes();
      }
    }
    try (WriteOptions sync = new WriteOptions().setSync(true);
         IngestExternalFileOptions options = new IngestExternalFileOptions().setMoveFiles(true)) {
      db.put(defaultFamily, sync, IMPORT_MARKER, Keys.millis(Instant.now()));
      for (int i = 0; i < files.size(); i++) {
        progress.update("ingest", i, files.size());
        db.ingestExternalFile(families.get(files.get(i).getKey()), files.get(i).getValue(), options);
      }
      db.delete(defaultFamily, sync, IMPORT_MARKER);
      progress.update("ingest", files.size(), files.size());
    } finally {
      builders.forEach(SstBuilder::close);
    }
    return bytes;
  }

  private SstBuilder builder(ColumnFamilies family) throws RocksDBException {
    SstBuilder builder = new SstBuilder(workDir, family, dbOptions, descriptors.get(family).getOptions());
    builders.add(builder);
    return builder;
  }

  private boolean hasAny(ColumnFamilies family) {
    try (RocksIterator it = db.newIterator(families.get(family))) {
      it.seekToFirst();
      return it.isValid();
    }
  }

  /** The stored time of {@code follower -> followee}, or -1: for friendships with an edge imported earlier. */
  private long storedFollowTime(UserId follower, UserId followee) {
    try {
      byte[] value = db.get(families.get(FOLLOWS), Keys.pair(follower, followee));
      return value == null ? -1 : Keys.millisOf(value);
    } catch (RocksDBException e) {
      throw new IllegalStateException("reading follows[" + follower + ", " + followee + "]: " + e.getMessage(), e);
    }
  }

  static UserId userId(EdgeIndex index, int user) {
    return RocksDbImport.userIdOf(index.nodes[user]);
  }

  /** The Kith id of dense user {@code user}: node + 1, as {@link RocksDbImport#userIdOf} maps it. */
  static long kithId(EdgeIndex index, int user) {
    return index.nodes[user] + 1;
  }

  /** Edge {@code i} of {@code n} is dated {@code n - 1 - i} milliseconds before the newest. */
  static long timeOf(EdgeIndex index, int edge, long newestAtMillis) {
    return newestAtMillis - (index.edgeCount - 1 - edge);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the import's work directory " + dir, e);
    }
  }
}
