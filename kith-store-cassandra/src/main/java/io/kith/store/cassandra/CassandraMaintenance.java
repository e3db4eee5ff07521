package io.kith.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.StoreConfig;
import io.kith.store.cassandra.internal.CassandraErrors;
import io.kith.store.cassandra.internal.CassandraSettings;
import io.kith.store.cassandra.internal.CassandraStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operator's tools on a Cassandra keyspace ({@code kith schema}, {@code kith repair}), with the same settings
 * as the store ({@link CassandraStoreProvider}). Safe while Kith nodes serve the keyspace.
 */
public final class CassandraMaintenance implements AutoCloseable {
  /** Users read per step when recounting all of them. */
  private static final int SCAN_STEP = 500;

  private final CassandraStore store;

  private CassandraMaintenance(CassandraStore store) {
    this.store = store;
  }

  /**
   * Creates the keyspace (with the {@code replication} setting) and every missing table, then disconnects. An
   * existing keyspace keeps its replication; existing tables are left as they are.
   */
  public static SchemaReport createSchema(StoreConfig config) {
    CassandraSettings settings = CassandraSettings.from(config);
    try (CqlSession session = CassandraStore.connect(settings)) {
      return CassandraStore.createSchema(session, settings);
    } catch (RuntimeException e) {
      throw CassandraErrors.map("create keyspace " + settings.keyspace(), e);
    }
  }

  /**
   * Connects to an existing keyspace (never creating anything, whatever {@code create_schema} says) without
   * repairing it yet: {@link #repair()} does, and says what it finished.
   */
  public static CassandraMaintenance open(StoreConfig config) {
    return new CassandraMaintenance(CassandraStore.open(CassandraSettings.from(config).withCreateSchema(false),
        false));
  }

  /** Finishes every change left pending, account deletions and private-to-public approvals included. */
  public RepairReport repair() {
    return store.repair();
  }

  /** The user, if it exists. */
  public Optional<User> user(UserId id) {
    return store.user(id);
  }

  /** Recounts one user (see {@link CassandraStore#recount}). */
  public Recount recount(UserId user) {
    return store.recount(user);
  }

  /** Recounts every user, in id order, telling {@code each} about every one; returns how many were checked. */
  public long recountAll(Consumer<Recount> each) {
    long checked = 0;
    Optional<UserId> after = Optional.empty();
    while (true) {
      List<User> users = store.scanUsers(after, SCAN_STEP);
      for (User user : users) {
        each.accept(store.recount(user.id()));
        checked++;
      }
      if (users.size() < SCAN_STEP) {
        return checked;
      }
      after = Optional.of(users.getLast().id());
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
