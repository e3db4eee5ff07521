package io.kith.bench.peer;

import io.kith.bench.driver.Graph;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.store.rocksdb.RocksDbImport;
import io.kith.tools.ImportCommand;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kith's embedded RocksDB store through the store SPI, in this process: no network, no serialization. */
public final class KithPeer implements Peer {
  private final Path dataDir;
  private final boolean sync;
  private KithStore store;

  public KithPeer(Path dataDir, boolean sync) {
    this.dataDir = dataDir;
    this.sync = sync;
  }

  @Override
  public String name() {
    return "kith";
  }

  @Override
  public String settings() {
    return "RocksDB " + org.rocksdb.RocksDB.rocksdbVersion() + " embedded, store SPI in-process, sync=" + sync
        + " (an acknowledged follow is fsynced, group commit), block cache 256 MB, relation cache 256 MB (default);"
        + " loaded by ./kith import";
  }

  @Override
  public void load(Graph graph) {
    long[] followers = new long[graph.edges()];
    long[] followees = new long[graph.edges()];
    for (int i = 0; i < graph.edges(); i++) {
      followers[i] = graph.from[i] - 1; // user id = node + 1, as RocksDbImport maps nodes
      followees[i] = graph.to[i] - 1;
    }
    RocksDbImport.run(dataDir, followers, followees, graph.edges(), Instant.ofEpochMilli(graph.newestMillis()),
        RocksDbImport.Progress.NONE);
    open();
  }

  /** Opens the store on the loaded directory (again, after {@link #closeStore()}) as configured. */
  public void open() {
    open(sync);
  }

  /** Opens the store with a chosen durability, e.g. without fsync for setup writes that are not measured. */
  public void open(boolean syncWrites) {
    store = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dataDir.toString(),
        "sync", Boolean.toString(syncWrites))));
  }

  public Path dataDir() {
    return dataDir;
  }

  public KithStore store() {
    return store;
  }

  public void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Override
  public int checks(int viewer, int[] others) {
    List<UserId> ids = new ArrayList<>(others.length);
    for (int other : others) {
      ids.add(UserId.of(other));
    }
    int following = 0;
    for (Relationship relationship : store.relationships(UserId.of(viewer), ids, Instant.now())) {
      if (relationship.following()) {
        following++;
      }
    }
    return following;
  }

  @Override
  public Page followers(int owner, Object cursor, int limit) {
    PageRequest request = cursor == null ? PageRequest.first(limit) : PageRequest.after((Position) cursor, limit);
    EdgePage page = store.edges(EdgeList.FOLLOWERS, UserId.of(owner), request);
    return new Page(page.edges().size(), page.next().orElse(null));
  }

  @Override
  public long followerCount(int user) {
    return store.counts(UserId.of(user)).followers();
  }

  @Override
  public boolean follow(int follower, int followee) {
    try {
      return store.follow(UserId.of(follower), UserId.of(followee), Instant.now()) == FollowOutcome.CREATED;
    } catch (KithException e) {
      return false; // a user the graph never named: not an error of the store
    }
  }

  @Override
  public boolean unfollow(int follower, int followee) {
    return store.unfollow(UserId.of(follower), UserId.of(followee));
  }

  @Override
  public int profile(int user) {
    Optional<User> found = store.user(UserId.of(user));
    return found.map(u -> u.handle().value().length() + u.bio().length()).orElse(0);
  }

  @Override
  public void updateProfile(int user, String bio) {
    try {
      store.updateUser(UserId.of(user), ProfileUpdate.none().withBio(bio));
    } catch (KithException e) {
      // deleted meanwhile by the mix: nothing to update
    }
  }

  @Override
  public void createUser(int user) {
    store.createUser(new User(UserId.of(user), new Handle("b" + user), "", "", null, false, Instant.now()), "!");
  }

  @Override
  public void deleteUser(int user) {
    store.deleteUser(UserId.of(user));
  }

  @Override
  public long footprintBytes() throws Exception {
    return ImportCommand.directorySize(dataDir);
  }

  @Override
  public void close() {
    closeStore();
  }
}
