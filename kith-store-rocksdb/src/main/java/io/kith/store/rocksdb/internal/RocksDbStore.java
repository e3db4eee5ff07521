package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.DISMISSED;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWERS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FRIENDS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.HANDLES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTING;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_APPROVALS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.PENDING_DELETES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.RATE_WINDOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_IN;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS_OUT;
import static io.kith.store.rocksdb.internal.ColumnFamilies.SESSIONS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.relation.pair.Outcome;
import io.kith.core.relation.pair.PairCommand;
import io.kith.core.relation.pair.Verb;
import io.kith.core.spi.AbstractKithStore;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.LocalNodeIdLeases;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.PermanentStoreException;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import io.kith.core.spi.WindowCharge;
import io.kith.store.rocksdb.internal.StripedLocks.Held;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Statistics;
import org.rocksdb.StatsLevel;
import org.rocksdb.TickerType;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded store. Key layout and locking: docs/storage.md. */
public final class RocksDbStore extends AbstractKithStore {
  private static final Logger log = LoggerFactory.getLogger(RocksDbStore.class);

  private final RocksDB db;
  private final Map<ColumnFamilies, ColumnFamilyHandle> families = new EnumMap<>(ColumnFamilies.class);
  private final List<ColumnFamilyHandle> handles;
  private final List<AutoCloseable> resources;
  private final WriteOptions writeOptions;
  private final StripedLocks locks = new StripedLocks();
  /** RocksDB lets one process open a directory at a time, so node ids are leased within this process only. */
  private final LocalNodeIdLeases nodeIds = new LocalNodeIdLeases();
  private final EdgeWriter edges;
  private final RelationCache relationCache;
  private final UserCache userCache;
  private final ExistingUsers existing = new ExistingUsers();
  /** For scans over every user, which must not evict what requests read. */
  private final ReadOptions scan;
  private final Statistics statistics;
  /** Read-held by every call, write-held by close: RocksDB's native handles must not close under a running call. */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean closing;

  private RocksDbStore(RocksDB db, List<ColumnFamilyHandle> handles, List<AutoCloseable> resources, boolean sync,
                       long relationCacheMb, long userCacheMb, Statistics statistics) {
    this.db = db;
    this.statistics = statistics;
    this.handles = handles;
    this.resources = resources;
    for (ColumnFamilies family : ColumnFamilies.values()) {
      families.put(family, family.handle(handles));
    }
    this.writeOptions = new WriteOptions().setSync(sync);
    this.scan = new ReadOptions().setFillCache(false);
    this.relationCache = RelationCache.create(db, families, relationCacheMb << 20);
    this.userCache = UserCache.create(userCacheMb << 20);
    this.edges = new EdgeWriter(db, families, writeOptions, locks, relationCache);
  }

  public static RocksDbStore open(RocksDbSettings settings) {
    RocksDB.loadLibrary();
    try {
      Files.createDirectories(settings.path());
    } catch (IOException e) {
      throw new PermanentStoreException("path: " + settings.path() + " cannot be created: " + e.getMessage(), e);
    }
    List<AutoCloseable> resources = new ArrayList<>();
    LRUCache blockCache = new LRUCache(settings.blockCacheMb() << 20);
    resources.add(blockCache);
    DBOptions options = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxBackgroundJobs(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setBytesPerSync(1 << 20)
        .setKeepLogFileNum(10);
    resources.add(options);
    Statistics statistics = null;
    if (settings.statistics()) {
      statistics = new Statistics();
      statistics.setStatsLevel(StatsLevel.EXCEPT_DETAILED_TIMERS);
      options.setStatistics(statistics);
      resources.add(statistics);
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(options, settings.path().toString(), ColumnFamilies.descriptors(blockCache, resources),
          handles);
    } catch (RocksDBException e) {
      closeAll(resources);
      throw RocksErrors.map("open " + settings.path(), e);
    }
    RocksDbStore store = new RocksDbStore(db, handles, resources, settings.sync(), settings.relationCacheMb(),
        settings.userCacheMb(), statistics);
    store.loadExistingUsers();
    store.countOutgoingRequestsOnce();
    store.resumePendingDeletes();
    store.resumePendingApprovals();
    log.info("Opened RocksDB store at {} (sync={})", settings.path(), settings.sync());
    return store;
  }

  /** How many users' counts the relation cache holds (for tests: scans must not fill it). */
  long cachedCounts() {
    return relationCache.cachedCounts();
  }

  /**
   * How many times RocksDB has synced the write-ahead log since the store opened: each is one fsync (group commit
   * shares one among the writes waiting together). With sync on, an acknowledged follow costs one. Needs the
   * {@code statistics} setting.
   */
  public long walSyncs() {
    if (statistics == null) {
      throw new IllegalStateException("statistics: false (expected: true, to count WAL syncs)");
    }
    return statistics.getTickerCount(TickerType.WAL_FILE_SYNCED);
  }

  // ---- users ----

  @Override
  public void createUser(User user, String passwordHash) {
    guarded("create user", () -> {
      try (Held u = locks.lockUserExclusively(user.id()); Held h = locks.lockHandles(user.handle().value())) {
        if (db.get(cf(HANDLES), Keys.handle(user.handle().value())) != null) {
          throw KithException.conflict("handle", "handle '" + user.handle() + "' is taken");
        }
        if (db.get(cf(USERS), Keys.id(user.id())) != null) {
          throw KithException.conflict("id", "user id " + user.id() + " is taken");
        }
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(cf(USERS), Keys.id(user.id()), Codec.user(user, passwordHash));
          batch.put(cf(HANDLES), Keys.handle(user.handle().value()), Keys.id(user.id()));
          db.write(writeOptions, batch);
          existing.add(user.id().value());
          userCache.written(user.id());
        }
      }
      return null;
    });
  }

  @Override
  public Optional<User> user(UserId id) {
    return guarded("get user", () -> record(id).map(Codec.UserRecord::user));
  }

  @Override
  public Optional<User> userByHandle(Handle handle) {
    return guarded("get user by handle", () -> {
      byte[] id = db.get(cf(HANDLES), Keys.handle(handle.value()));
      return id == null ? Optional.<User>empty() : record(Keys.idAt(id, 0)).map(Codec.UserRecord::user);
    });
  }

  @Override
  public List<User> users(List<UserId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return guarded("get users", () -> {
      // From the user cache where it holds them; one multi-get for the rest, offered to the cache.
      Codec.UserRecord[] records = new Codec.UserRecord[ids.size()];
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        records[i] = userCache.peek(ids.get(i));
        if (records[i] == null) {
          missing.add(i);
        }
      }
      if (!missing.isEmpty()) {
        long stamp = userCache.stamp();
        List<byte[]> keys = missing.stream().map(i -> Keys.id(ids.get(i))).toList();
        List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), cf(USERS)), keys);
        for (int j = 0; j < missing.size(); j++) {
          byte[] value = values.get(j);
          if (value != null) {
            int i = missing.get(j);
            records[i] = Codec.user(value);
            userCache.fill(ids.get(i), records[i], stamp);
          }
        }
      }
      List<User> found = new ArrayList<>(ids.size());
      for (Codec.UserRecord record : records) {
        if (record != null) {
          found.add(record.user());
        }
      }
      return found;
    });
  }

  @Override
  public List<UserId> existingUsers(List<UserId> ids) {
    return guarded("check users exist", () -> {
      List<UserId> found = new ArrayList<>(ids.size());
      for (UserId id : ids) {
        if (existing.contains(id.value())) {
          found.add(id);
        }
      }
      return found;
    });
  }

  /** Fills {@link ExistingUsers} from a key-only scan of every user record (about 0.3 s per million). */
  private void loadExistingUsers() {
    guarded("load user ids", () -> {
      try (RocksIterator it = db.newIterator(cf(USERS), scan)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          existing.add(Keys.idAt(it.key(), 0).value());
        }
        it.status();
      }
      return null;
    });
    log.info("{} user ids in memory for existence checks", existing.size());
  }

  @Override
  public List<User> scanUsers(Optional<UserId> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
    }
    return guarded("scan users", () -> {
      List<User> found = new ArrayList<>(Math.min(limit, 1024));
      try (RocksIterator it = db.newIterator(cf(USERS), scan)) {
        if (after.isPresent()) {
          byte[] from = Keys.id(after.get());
          it.seek(from);
          if (it.isValid() && Arrays.equals(it.key(), from)) {
            it.next();
          }
        } else {
          it.seekToFirst();
        }
        for (; it.isValid() && found.size() < limit; it.next()) {
          found.add(Codec.user(it.value()).user());
        }
        it.status();
      }
      return found;
    });
  }

  @Override
  public User updateUser(UserId id, ProfileUpdate update) {
    User updated = guarded("update user", () -> {
      try (Held u = locks.lockUserExclusively(id)) {
        Codec.UserRecord current = record(id).orElseThrow(() -> KithException.notFound("no user with id " + id));
        User next = current.user().with(update);
        String oldHandle = current.user().handle().value();
        String newHandle = next.handle().value();
        try (Held h = locks.lockHandles(oldHandle, newHandle); WriteBatch batch = new WriteBatch()) {
          if (!oldHandle.equals(newHandle)) {
            byte[] owner = db.get(cf(HANDLES), Keys.handle(newHandle));
            if (owner != null && Keys.idAt(owner, 0).value() != id.value()) {
              throw KithException.conflict("handle", "handle '" + newHandle + "' is taken");
            }
            batch.delete(cf(HANDLES), Keys.handle(oldHandle));
            batch.put(cf(HANDLES), Keys.handle(newHandle), Keys.id(id));
          }
          batch.put(cf(USERS), Keys.id(id), Codec.user(next, current.passwordHash()));
          if (current.user().isPrivate() && !next.isPrivate()) {
            // Going public approves every pending request; the marker makes a crash mid-way resume on reopen.
            batch.put(cf(PENDING_APPROVALS), Keys.id(id), new byte[0]);
          }
          db.write(writeOptions, batch);
          userCache.written(id);
        }
        return next;
      }
    });
    approveIfPending(id);
    return updated;
  }

  @Override
  public boolean deleteUser(UserId id) {
    boolean existed = guarded("delete user", () -> {
      try (Held u = locks.lockUserExclusively(id)) {
        Optional<Codec.UserRecord> current = record(id);
        if (current.isEmpty()) {
          return false;
        }
        String handle = current.get().user().handle().value();
        try (Held h = locks.lockHandles(handle); WriteBatch batch = new WriteBatch()) {
          // The tombstone: from this write on the user is gone for reads and no new edge can name it.
          batch.delete(cf(USERS), Keys.id(id));
          batch.delete(cf(HANDLES), Keys.handle(handle));
          batch.put(cf(PENDING_DELETES), Keys.id(id), new byte[0]);
          db.write(writeOptions, batch);
          existing.remove(id.value());
          userCache.written(id);
        }
        return true;
      }
    });
    // A retried call (the first one failed mid-purge) finds the user gone but the purge pending: finish it.
    purgeIfPending(id);
    return existed;
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return guarded("get password hash", () -> record(id).map(Codec.UserRecord::passwordHash));
  }

  /** Through the user cache, which every write of a user record invalidates before it returns. */
  private Optional<Codec.UserRecord> record(UserId id) throws RocksDBException {
    return Optional.ofNullable(userCache.get(id, this::readRecord));
  }

  private Codec.UserRecord readRecord(UserId id) throws RocksDBException {
    byte[] value = db.get(cf(USERS), Keys.id(id));
    return value == null ? null : Codec.user(value);
  }

  // ---- graph ----

  @Override
  protected FollowOutcome followDistinct(UserId follower, UserId followee, Instant at, List<WindowCharge> charges) {
    return change("follow", PairCommand.of(Verb.FOLLOW, follower, followee, at), charges).followOutcome();
  }

  @Override
  protected boolean unfollowDistinct(UserId follower, UserId followee) {
    return change("unfollow", PairCommand.of(Verb.UNFOLLOW, follower, followee)) == Outcome.CHANGED;
  }

  @Override
  protected boolean acceptRequestDistinct(UserId owner, UserId requester, Instant at) {
    return change("accept request", PairCommand.of(Verb.ACCEPT, owner, requester, at)) == Outcome.CHANGED;
  }

  @Override
  protected boolean rejectRequestDistinct(UserId owner, UserId requester) {
    return change("reject request", PairCommand.of(Verb.REJECT, owner, requester)) == Outcome.CHANGED;
  }

  @Override
  protected boolean blockDistinct(UserId blocker, UserId blocked, Instant at) {
    return change("block", PairCommand.of(Verb.BLOCK, blocker, blocked, at)) == Outcome.CHANGED;
  }

  @Override
  protected boolean unblockDistinct(UserId blocker, UserId blocked) {
    return change("unblock", PairCommand.of(Verb.UNBLOCK, blocker, blocked)) == Outcome.CHANGED;
  }

  @Override
  protected void muteDistinct(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    change("mute", PairCommand.mute(muter, muted, at, expiresAt));
  }

  @Override
  protected boolean unmuteDistinct(UserId muter, UserId muted) {
    return change("unmute", PairCommand.of(Verb.UNMUTE, muter, muted)) == Outcome.CHANGED;
  }

  /** Applies one verb to its pair as kith-core's rules decide it (EdgeWriter); its outcome. */
  private Outcome change(String operation, PairCommand command) {
    return change(operation, command, List.of());
  }

  private Outcome change(String operation, PairCommand command, List<WindowCharge> charges) {
    return guarded(operation, () -> edges.apply(command, charges).outcome());
  }

  @Override
  public Counts counts(UserId id) {
    return counts(List.of(id)).get(id);
  }

  @Override
  public long outgoingRequests(UserId id) {
    // Not cached: only a follow reads it, and a follow writes anyway.
    return guarded("get outgoing requests",
        () -> Keys.counterValue(db.get(cf(COUNTS), Keys.counter(id, Keys.REQUESTS_OUT))));
  }

  @Override
  public Map<UserId, Counts> counts(List<UserId> ids) {
    return guarded("get counts", () -> {
      if (relationCache.enabled()) {
        Counts[] found = relationCache.counts(ids);
        Map<UserId, Counts> counts = new LinkedHashMap<>();
        for (int i = 0; i < found.length; i++) {
          counts.put(ids.get(i), found[i]);
        }
        return counts;
      }
      return readCounts(ids);
    });
  }

  @Override
  public Map<UserId, Counts> scanCounts(List<UserId> ids) {
    // Past the relation cache and the block cache: current (the caches only ever hold what RocksDB holds) and
    // leaves what requests read where it is. One iterator seeks from user to user: point reads that may not fill
    // the block cache would each read and checksum the SST's filter and index blocks again (profiled: that made
    // a 1M-user ranking a third of a busy server's CPU).
    return guarded("scan counts", () -> {
      Map<UserId, Counts> counts = new LinkedHashMap<>();
      try (RocksIterator it = db.newIterator(cf(COUNTS), scan)) {
        for (UserId id : ids) {
          byte[] prefix = Keys.id(id);
          long followers = 0;
          long following = 0;
          long friends = 0;
          for (it.seek(prefix); it.isValid() && Keys.hasPrefix(it.key(), prefix); it.next()) {
            switch (it.key()[prefix.length]) {
              case Keys.FOLLOWERS -> followers = Keys.counterValue(it.value());
              case Keys.FOLLOWING -> following = Keys.counterValue(it.value());
              case Keys.FRIENDS -> friends = Keys.counterValue(it.value());
              default -> { } // pending requests: not part of Counts
            }
          }
          it.status();
          counts.put(id, new Counts(followers, following, friends));
        }
      }
      return counts;
    });
  }

  private Map<UserId, Counts> readCounts(List<UserId> ids) throws RocksDBException {
    List<byte[]> keys = new ArrayList<>(ids.size() * 3);
    for (UserId id : ids) {
      keys.add(Keys.counter(id, Keys.FOLLOWERS));
      keys.add(Keys.counter(id, Keys.FOLLOWING));
      keys.add(Keys.counter(id, Keys.FRIENDS));
    }
    List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), cf(COUNTS)), keys);
    Map<UserId, Counts> counts = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      counts.put(ids.get(i), new Counts(
          Keys.counterValue(values.get(3 * i)),
          Keys.counterValue(values.get(3 * i + 1)),
          Keys.counterValue(values.get(3 * i + 2))));
    }
    return counts;
  }

  @Override
  public List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now) {
    if (others.isEmpty()) {
      return List.of();
    }
    return guarded("get relationships", () -> {
      // One pair for a viewer whose adjacency is not in memory (a follow's guard, a single card): point reads. A
      // whole adjacency (up to four lists of thousands) would be loaded to answer one question, and a follow
      // invalidates it right after.
      if (!relationCache.enabled() || (others.size() == 1 && relationCache.peek(viewer) == null)) {
        return readRelationships(viewer, others, now);
      }
      return cachedRelationships(viewer, others, now);
    });
  }

  /**
   * Answers from the viewer's adjacency in the relation cache; the few others that a list cut short cannot answer
   * for (the viewer has thousands of followers, say) are read from RocksDB.
   */
  private List<Relationship> cachedRelationships(UserId viewer, List<UserId> others, Instant now)
      throws RocksDBException {
    Adjacency mine = relationCache.get(viewer);
    Relationship[] answers = new Relationship[others.size()];
    List<Integer> unsure = new ArrayList<>(0);
    for (int i = 0; i < answers.length; i++) {
      UserId other = others.get(i);
      long o = other.value();
      if (!mine.knows(o)) {
        unsure.add(i);
        continue;
      }
      int mute = mine.muting().indexOf(o);
      long expiry = mute < 0 ? 0 : mine.muting().values()[mute];
      boolean muting = mute >= 0 && (expiry == 0 || expiry > now.toEpochMilli());
      answers[i] = new Relationship(other, mine.following().contains(o), mine.followers().contains(o),
          mine.requested().contains(o), mine.requestedBy().contains(o),
          mine.blocking().contains(o), mine.blockedBy().contains(o),
          muting, muting && expiry != 0 ? Instant.ofEpochMilli(expiry) : null);
    }
    if (!unsure.isEmpty()) {
      List<Relationship> read = readRelationships(viewer, unsure.stream().map(others::get).toList(), now);
      for (int j = 0; j < unsure.size(); j++) {
        answers[unsure.get(j)] = read.get(j);
      }
    }
    return Arrays.asList(answers);
  }

  /** Seven point reads per other, all in one multi-get: follows, requests and blocks both ways, and the mute. */
  private List<Relationship> readRelationships(UserId viewer, List<UserId> others, Instant now)
      throws RocksDBException {
    List<ColumnFamilyHandle> families = List.of(cf(FOLLOWS), cf(FOLLOWS), cf(REQUESTS), cf(REQUESTS), cf(BLOCKS),
        cf(BLOCKS), cf(MUTES));
    int per = families.size();
    List<ColumnFamilyHandle> handles = new ArrayList<>(others.size() * per);
    List<byte[]> keys = new ArrayList<>(others.size() * per);
    for (UserId other : others) {
      handles.addAll(families);
      byte[] out = Keys.pair(viewer, other);
      byte[] in = Keys.pair(other, viewer);
      keys.addAll(List.of(out, in, out, in, out, in, out));
    }
    List<byte[]> values = db.multiGetAsList(handles, keys);
    List<Relationship> relationships = new ArrayList<>(others.size());
    for (int i = 0; i < others.size(); i++) {
      int at = i * per;
      byte[] mute = values.get(at + 6);
      long expiry = mute == null ? 0 : Keys.muteExpiryMillis(mute);
      boolean muting = mute != null && (expiry == 0 || expiry > now.toEpochMilli());
      relationships.add(new Relationship(others.get(i),
          values.get(at) != null, values.get(at + 1) != null,
          values.get(at + 2) != null, values.get(at + 3) != null,
          values.get(at + 4) != null, values.get(at + 5) != null,
          muting, muting && expiry != 0 ? Instant.ofEpochMilli(expiry) : null));
    }
    return relationships;
  }

  @Override
  public List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    if (followers.size() != followees.size()) {
      throw new IllegalArgumentException("followers: " + followers.size() + " ids, followees: " + followees.size()
          + " (expected: as many of each)");
    }
    if (followers.isEmpty()) {
      return List.of();
    }
    return guarded("get follow times", () -> {
      Instant[] times = new Instant[followers.size()];
      List<Integer> unsure = new ArrayList<>();
      // One follower against a page of others (a list walk) loads the follower's adjacency once. Other batches use
      // only what is cached already: loading many users' lists, or a celebrity's followers, costs more than the
      // point reads it would save.
      boolean oneFollower = followers.stream().distinct().count() == 1;
      boolean oneFollowee = !oneFollower && followees.stream().distinct().count() == 1;
      for (int i = 0; i < times.length; i++) {
        IdSet known = null;
        long other;
        if (oneFollowee) {
          Adjacency followee = relationCache.peek(followees.get(i));
          known = followee == null ? null : followee.followers();
          other = followers.get(i).value();
        } else {
          Adjacency follower = !relationCache.enabled() ? null
              : oneFollower ? relationCache.get(followers.get(i)) : relationCache.peek(followers.get(i));
          known = follower == null ? null : follower.following();
          other = followees.get(i).value();
        }
        if (known == null || !known.knows(other)) {
          unsure.add(i);
          continue;
        }
        int at = known.indexOf(other);
        times[i] = at < 0 ? null : Instant.ofEpochMilli(known.values()[at]);
      }
      if (!unsure.isEmpty()) {
        List<byte[]> keys = new ArrayList<>(unsure.size());
        for (int i : unsure) {
          keys.add(Keys.pair(followers.get(i), followees.get(i)));
        }
        List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), cf(FOLLOWS)), keys);
        for (int j = 0; j < unsure.size(); j++) {
          byte[] value = values.get(j);
          times[unsure.get(j)] = value == null ? null : Instant.ofEpochMilli(Keys.millisOf(value));
        }
      }
      return Arrays.asList(times);
    });
  }

  @Override
  public void dismissSuggestion(UserId viewer, UserId other, Instant at) {
    guarded("dismiss suggestion", () -> {
      db.put(cf(DISMISSED), writeOptions, Keys.pair(viewer, other), Keys.millis(at));
      return null;
    });
  }

  @Override
  public Set<UserId> dismissedAmong(UserId viewer, List<UserId> others) {
    if (others.isEmpty()) {
      return Set.of();
    }
    return guarded("get dismissals", () -> {
      List<byte[]> keys = others.stream().map(other -> Keys.pair(viewer, other)).toList();
      List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), cf(DISMISSED)), keys);
      Set<UserId> dismissed = new HashSet<>();
      for (int i = 0; i < others.size(); i++) {
        if (values.get(i) != null) {
          dismissed.add(others.get(i));
        }
      }
      return dismissed;
    });
  }

  @Override
  public Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others) {
    if (others.isEmpty()) {
      return Set.of();
    }
    return guarded("get blocks", () -> {
      Set<UserId> blocked = new HashSet<>();
      List<UserId> unsure = others;
      if (relationCache.enabled()) {
        // The viewer's blocking and blocked-by lists answer for everyone, unless one is longer than the cache keeps.
        Adjacency mine = relationCache.get(viewer);
        unsure = new ArrayList<>(0);
        for (UserId other : others) {
          long o = other.value();
          if (!mine.blocking().knows(o) || !mine.blockedBy().knows(o)) {
            unsure.add(other);
          } else if (mine.blocking().contains(o) || mine.blockedBy().contains(o)) {
            blocked.add(other);
          }
        }
        if (unsure.isEmpty()) {
          return blocked;
        }
      }
      List<byte[]> keys = new ArrayList<>(unsure.size() * 2);
      for (UserId other : unsure) {
        keys.add(Keys.pair(viewer, other));
        keys.add(Keys.pair(other, viewer));
      }
      List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), cf(BLOCKS)), keys);
      for (int i = 0; i < unsure.size(); i++) {
        if (values.get(2 * i) != null || values.get(2 * i + 1) != null) {
          blocked.add(unsure.get(i));
        }
      }
      return blocked;
    });
  }

  // ---- rate windows ----

  @Override
  public void addToWindow(String limiter, String subject, long bucket, long delta) {
    guarded("add to rate window", () -> {
      db.merge(cf(RATE_WINDOWS), writeOptions, Keys.window(limiter, bucket, subject), Keys.delta(delta));
      return null;
    });
  }

  @Override
  public long[] windowCounts(String limiter, String subject, long fromBucket, long toBucket) {
    if (toBucket < fromBucket || toBucket - fromBucket >= 10_000) {
      throw new IllegalArgumentException(
          "buckets: " + fromBucket + ".." + toBucket + " (expected: from <= to, at most 10,000 buckets)");
    }
    return guarded("read rate window", () -> {
      int n = (int) (toBucket - fromBucket + 1);
      List<byte[]> keys = new ArrayList<>(n);
      for (long bucket = fromBucket; bucket <= toBucket; bucket++) {
        keys.add(Keys.window(limiter, bucket, subject));
      }
      List<byte[]> values = db.multiGetAsList(Collections.nCopies(n, cf(RATE_WINDOWS)), keys);
      long[] counts = new long[n];
      for (int i = 0; i < n; i++) {
        counts[i] = Keys.counterValue(values.get(i));
      }
      return counts;
    });
  }

  @Override
  public void pruneWindows(String limiter, long bucket) {
    if (bucket <= 0) {
      return; // buckets count up from the epoch: nothing lies before bucket 0
    }
    guarded("prune rate windows", () -> {
      // Big-endian buckets of one limiter are contiguous and ordered, so this is one range tombstone.
      db.deleteRange(cf(RATE_WINDOWS), writeOptions, Keys.windowStart(limiter, 0),
          Keys.windowStart(limiter, bucket));
      return null;
    });
  }

  @Override
  public EdgePage edges(EdgeList list, UserId owner, PageRequest request) {
    ColumnFamilies family = switch (list) {
      case FOLLOWERS -> FOLLOWERS;
      case FOLLOWING -> FOLLOWING;
      case FRIENDS -> FRIENDS;
      case REQUESTS_IN -> REQUESTS_IN;
      case REQUESTS_OUT -> REQUESTS_OUT;
      case BLOCKING -> BLOCKING;
      case MUTING -> MUTING;
    };
    return guarded("list " + list, () -> EdgeReader.page(db, cf(family), owner, request));
  }

  // ---- sessions ----

  @Override
  public void createSession(Session session) {
    guarded("create session", () -> {
      db.put(cf(SESSIONS), writeOptions, session.tokenHash().bytes(), Codec.session(session));
      return null;
    });
  }

  @Override
  public Optional<Session> session(TokenHash tokenHash) {
    return guarded("get session", () -> {
      byte[] value = db.get(cf(SESSIONS), tokenHash.bytes());
      return value == null ? Optional.<Session>empty() : Optional.of(Codec.session(tokenHash, value));
    });
  }

  @Override
  public boolean deleteSession(TokenHash tokenHash) {
    return guarded("delete session", () -> {
      byte[] key = tokenHash.bytes();
      if (db.get(cf(SESSIONS), key) == null) {
        return false;
      }
      db.delete(cf(SESSIONS), writeOptions, key);
      return true;
    });
  }

  // ---- deletion of a user's edges ----

  /**
   * Sets every user's count of outgoing requests from its {@code requests_out} list, once per data directory: the
   * directories written before that count existed hold requests it never saw. One scan of the pending requests
   * when a directory is first opened by this version, nothing afterwards. Runs before any write, and sets absolute
   * values, so a run cut short by a crash is simply run again.
   */
  private void countOutgoingRequestsOnce() {
    guarded("count outgoing requests", () -> {
      if (db.get(cf(COUNTS), Keys.REQUESTS_OUT_COUNTED) != null) {
        return null;
      }
      long users = 0;
      try (RocksIterator it = db.newIterator(cf(REQUESTS_OUT)); WriteBatch batch = new WriteBatch()) {
        UserId owner = null;
        long count = 0;
        for (it.seekToFirst(); ; it.next()) {
          UserId next = it.isValid() ? Keys.idAt(it.key(), 0) : null;
          if (owner != null && !owner.equals(next)) {
            batch.put(cf(COUNTS), Keys.counter(owner, Keys.REQUESTS_OUT), Keys.delta(count));
            users++;
            count = 0;
            if (batch.count() >= 100_000) { // bounded memory however many users have requests pending
              db.write(writeOptions, batch);
              batch.clear();
            }
          }
          if (next == null) {
            break;
          }
          owner = next;
          count++;
        }
        it.status();
        batch.put(cf(COUNTS), Keys.REQUESTS_OUT_COUNTED, Keys.delta(1));
        db.write(writeOptions, batch);
      }
      if (users > 0) {
        log.info("Counted the pending follow requests of {} users (once per data directory)", users);
      }
      return null;
    });
  }

  private void resumePendingDeletes() {
    List<UserId> pending = guarded("scan pending deletes", () -> {
      List<UserId> ids = new ArrayList<>();
      try (RocksIterator it = db.newIterator(cf(PENDING_DELETES))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          ids.add(Keys.idAt(it.key(), 0));
        }
        it.status();
      }
      return ids;
    });
    for (UserId id : pending) {
      log.info("Finishing the deletion of user {} that a restart interrupted", id);
      purgeIfPending(id);
    }
  }

  private void purgeIfPending(UserId id) {
    boolean pending = guarded("get pending delete", () -> db.get(cf(PENDING_DELETES), Keys.id(id)) != null);
    if (!pending) {
      return;
    }
    // One bounded atomic chunk per call, so invariants hold between chunks and close() is never held up for long.
    while (!closing) {
      if (!guarded("delete relations", () -> edges.removeChunkOfRelations(id))) {
        guarded("finish delete", () -> {
          edges.finishDelete(id);
          return null;
        });
        return;
      }
    }
  }

  // ---- approving requests when an account goes public ----

  private void resumePendingApprovals() {
    List<UserId> pending = guarded("scan pending approvals", () -> {
      List<UserId> ids = new ArrayList<>();
      try (RocksIterator it = db.newIterator(cf(PENDING_APPROVALS))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          ids.add(Keys.idAt(it.key(), 0));
        }
        it.status();
      }
      return ids;
    });
    for (UserId id : pending) {
      log.info("Finishing the approval of pending follow requests of user {} that a restart interrupted", id);
      approveIfPending(id);
    }
  }

  private void approveIfPending(UserId id) {
    boolean pending = guarded("get pending approval", () -> db.get(cf(PENDING_APPROVALS), Keys.id(id)) != null);
    while (pending && !closing) {
      pending = guarded("approve requests", () -> edges.approveChunkOfRequests(id, Instant.now()));
    }
  }

  // ---- lifecycle ----

  @Override
  public NodeIdLease leaseNodeId(int preferred, Clock clock) {
    return nodeIds.lease(preferred);
  }

  @Override
  public boolean isHealthy() {
    if (closing) {
      return false;
    }
    return guardedOrFalse(() -> {
      String errors = db.getProperty("rocksdb.background-errors");
      return errors == null || "0".equals(errors.trim());
    });
  }

  @Override
  public void close() {
    closing = true;
    lifecycle.writeLock().lock();
    try {
      if (!db.isOwningHandle()) {
        return;
      }
      try {
        db.syncWal();
      } catch (RocksDBException e) {
        log.warn("Syncing the WAL on close failed", e);
      }
      for (ColumnFamilyHandle handle : handles) {
        handle.close();
      }
      try {
        db.closeE();
      } catch (RocksDBException e) {
        log.warn("Closing RocksDB reported an error", e);
      }
      writeOptions.close();
      scan.close();
      closeAll(resources);
      log.info("Closed RocksDB store");
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Closing {} failed", resource, e);
      }
    }
  }

  private ColumnFamilyHandle cf(ColumnFamilies family) {
    return families.get(family);
  }

  @FunctionalInterface
  interface RocksCall<T> {
    T call() throws RocksDBException;
  }

  private <T> T guarded(String operation, RocksCall<T> call) {
    ReentrantReadWriteLock.ReadLock readLock = lifecycle.readLock();
    readLock.lock();
    try {
      if (closing && !db.isOwningHandle()) {
        throw new PermanentStoreException("rocksdb " + operation + " failed: the store is closed", null);
      }
      return call.call();
    } catch (RocksDBException e) {
      throw RocksErrors.map(operation, e);
    } finally {
      readLock.unlock();
    }
  }

  private boolean guardedOrFalse(RocksCall<Boolean> call) {
    try {
      return guarded("health check", call);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
