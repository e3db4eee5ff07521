package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ListsVisibility;
import io.kith.core.User;
import io.kith.core.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Users, handles and the id-ordered index. A handle belongs to whoever claimed it with {@code INSERT ... IF NOT
 * EXISTS}; the user row then names it. A claim whose user row does not name the handle (a node died between the two
 * writes) is stale: after {@link #STALE_CLAIM_MICROS} anyone may take it over, by compare-and-set on the owner. User
 * rows are created only if absent ({@link #create}): the backstop should two users ever be given one id.
 */
final class UserRows {
  static final String COLUMNS = "id, handle, display_name, bio, avatar_url, is_private, lists_visibility,"
      + " discoverable, created_at, password_hash";
  /** How old an orphaned handle claim must be before another user may take it (a minute: any write is long over). */
  private static final long STALE_CLAIM_MICROS = 60_000_000L;
  /** Users per index partition: ids share a bucket when they agree above bit 48 (about 18 hours of snowflakes). */
  private static final int INDEX_SHIFT = 48;

  record Stored(User user, String passwordHash) {}

  private final Cql cql;

  UserRows(Cql cql) {
    this.cql = cql;
  }

  Optional<Stored> read(UserId id) {
    return Optional.ofNullable(cql.one("SELECT " + COLUMNS + " FROM $.users WHERE id = ?", id.value()))
        .map(UserRows::stored);
  }

  List<Stored> readAll(List<UserId> ids) {
    List<BoundStatement> reads = new ArrayList<>(ids.size());
    for (UserId id : ids) {
      reads.add(cql.bind("SELECT " + COLUMNS + " FROM $.users WHERE id = ?", id.value()));
    }
    return cql.parallel(reads, UserRows::stored);
  }

  /** Claims {@code handle} for {@code id}; a {@code conflict} if another live user holds it. */
  void claim(Handle handle, UserId id) {
    while (true) {
      Row claim = cql.execute(cql.bind("INSERT INTO $.handles (handle, user_id) VALUES (?, ?) IF NOT EXISTS",
          handle.value(), id.value())).one();
      if (claim.getBoolean("[applied]")) {
        return;
      }
      long owner = claim.getLong("user_id");
      if (owner == id.value()) {
        return;
      }
      Optional<Stored> holder = read(UserId.of(owner));
      if (holder.isPresent() && holder.get().user().handle().equals(handle)) {
        throw KithException.conflict("handle", "handle '" + handle + "' is taken");
      }
      Row age = cql.one("SELECT writetime(user_id) FROM $.handles WHERE handle = ?", handle.value());
      if (age != null && System.currentTimeMillis() * 1000 - age.getLong(0) < STALE_CLAIM_MICROS) {
        // The holder may be between its claim and its user row: treat the handle as taken for now.
        throw KithException.conflict("handle", "handle '" + handle + "' is taken");
      }
      cql.applied(cql.bind("UPDATE $.handles SET user_id = ? WHERE handle = ? IF user_id = ?", id.value(),
          handle.value(), owner));
    }
  }

  /** Frees {@code handle} if {@code id} holds it. */
  void release(Handle handle, UserId id) {
    cql.applied(cql.bind("DELETE FROM $.handles WHERE handle = ? IF user_id = ?", handle.value(), id.value()));
  }

  Optional<UserId> holder(Handle handle) {
    Row row = cql.one("SELECT user_id FROM $.handles WHERE handle = ?", handle.value());
    return row == null ? Optional.empty() : Optional.of(UserId.of(row.getLong(0)));
  }

  /**
   * Writes a new user: its index entries, then its row only if no row has its id (LWT), so that a user is never
   * overwritten by another with the same id. Returns normally if the row is this very user (an earlier attempt of
   * the same call whose answer was lost); otherwise a {@code conflict} on {@code id}, after freeing the handle this
   * call claimed unless it is the other user's. An index entry without a row is skipped by scans.
   */
  void create(User user, String passwordHash) {
    long bucket = indexBucket(user.id());
    cql.logged(List.of(
        cql.bind("INSERT INTO $.user_index (bucket, id) VALUES (?, ?)", bucket, user.id().value()),
        cql.bind("INSERT INTO $.user_index_buckets (part, bucket) VALUES (0, ?)", bucket)));
    Row result = cql.execute(cql.bind("INSERT INTO $.users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " IF NOT EXISTS", values(user, passwordHash))).one();
    if (result.getBoolean("[applied]")) {
      return;
    }
    Stored existing = stored(result);
    if (existing.user().handle().equals(user.handle()) && Objects.equals(existing.passwordHash(), passwordHash)
        && existing.user().createdAt().toEpochMilli() == user.createdAt().toEpochMilli()) {
      return;
    }
    if (!existing.user().handle().equals(user.handle())) {
      release(user.handle(), user.id());
    }
    throw KithException.conflict("id", "user id " + user.id() + " is taken");
  }

  /** Rewrites an existing user's whole row. */
  void update(User user, String passwordHash) {
    cql.execute(cql.bind("INSERT INTO $.users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values(user, passwordHash)));
  }

  private static Object[] values(User user, String passwordHash) {
    return new Object[] {user.id().value(), user.handle().value(), user.displayName(), user.bio(),
        user.avatarUrl(), user.isPrivate(), storedVisibility(user.listsVisibility()), user.discoverable(),
        user.createdAt().toEpochMilli(), passwordHash};
  }

  /** Removes the user row and its index entry; whether this call removed it. */
  boolean delete(UserId id) {
    boolean removed = cql.applied(cql.bind("DELETE FROM $.users WHERE id = ? IF EXISTS", id.value()));
    cql.execute(cql.bind("DELETE FROM $.user_index WHERE bucket = ? AND id = ?", indexBucket(id), id.value()));
    return removed;
  }

  /** Users in id order after {@code after}: index buckets in order, each one partition read. */
  List<User> scan(Optional<UserId> after, int limit) {
    List<UserId> ids = new ArrayList<>();
    long fromBucket = after.map(UserRows::indexBucket).orElse(Long.MIN_VALUE);
    List<Row> buckets = cql.all("SELECT bucket FROM $.user_index_buckets WHERE part = 0 AND bucket >= ?",
        fromBucket);
    for (Row bucketRow : buckets) {
      long bucket = bucketRow.getLong(0);
      long from = after.isPresent() && bucket == fromBucket ? after.get().value() : 0;
      for (Row row : cql.all("SELECT id FROM $.user_index WHERE bucket = ? AND id > ? LIMIT ?", bucket, from,
          limit - ids.size())) {
        ids.add(UserId.of(row.getLong(0)));
      }
      if (ids.size() >= limit) {
        break;
      }
    }
    List<User> users = new ArrayList<>(ids.size());
    for (Stored stored : readAll(ids)) {
      if (stored != null) {
        users.add(stored.user());
      }
    }
    return users;
  }

  private static long indexBucket(UserId id) {
    return id.value() >>> INDEX_SHIFT;
  }

  /**
   * The text kept in {@code users.lists_visibility}: spelled out here, not taken from the enum's names, so renaming
   * a constant cannot orphan the rows already written. Never change these strings.
   */
  static String storedVisibility(ListsVisibility visibility) {
    return switch (visibility) {
      case EVERYONE -> "EVERYONE";
      case FOLLOWERS -> "FOLLOWERS";
      case FRIENDS -> "FRIENDS";
      case ONLY_ME -> "ONLY_ME";
    };
  }

  static ListsVisibility visibilityOf(String stored) {
    for (ListsVisibility visibility : ListsVisibility.values()) {
      if (storedVisibility(visibility).equals(stored)) {
        return visibility;
      }
    }
    throw new IllegalStateException("users.lists_visibility: '" + stored
        + "' (expected: EVERYONE, FOLLOWERS, FRIENDS or ONLY_ME)");
  }

  private static Stored stored(Row row) {
    User user = new User(UserId.of(row.getLong("id")), new Handle(row.getString("handle")),
        row.getString("display_name"), row.getString("bio"), row.getString("avatar_url"),
        row.getBoolean("is_private"), visibilityOf(row.getString("lists_visibility")),
        row.isNull("discoverable") || row.getBoolean("discoverable"),
        Instant.ofEpochMilli(row.getLong("created_at")));
    return new Stored(user, row.getString("password_hash"));
  }
}
