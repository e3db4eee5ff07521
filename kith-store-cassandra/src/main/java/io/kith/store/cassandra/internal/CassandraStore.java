package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.relation.pair.Outcome;
import io.kith.core.relation.pair.PairCommand;
import io.kith.core.relation.pair.Transitions;
import io.kith.core.relation.pair.Verb;
import io.kith.core.spi.Edge;
import io.kith.core.spi.AbstractKithStore;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.PermanentStoreException;
import io.kith.core.spi.Position;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import io.kith.core.spi.WindowCharge;
import io.kith.store.cassandra.Recount;
import io.kith.store.cassandra.RepairReport;
import io.kith.store.cassandra.SchemaReport;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Cassandra / ScyllaDB store. Tables: docs/storage.md; guarantees: docs/consistency.md. */
public final class CassandraStore extends AbstractKithStore {
  private static final Logger log = LoggerFactory.getLogger(CassandraStore.class);
  /** Relations severed or approved per step when a user is deleted or a private account turns public. */
  static final int CHUNK = 64;
  private static final List<ListKind> DELETE_ORDER = List.of(ListKind.FOLLOWING, ListKind.FOLLOWERS,
      ListKind.REQUESTS_OUT, ListKind.REQUESTS_IN, ListKind.BLOCKING, ListKind.BLOCKED_BY, ListKind.MUTING,
      ListKind.MUTED_BY);

  private final Cql cql;
  private final UserRows users;
  private final EdgeLists lists;
  private final CountShards counts;
  private final PairWriter pairs;
  private final Relations relations;
  private final Recounter recounter;
  private final NodeLeases nodeLeases;
  /** Whether close() closes the session (false when several stores share one client, as tests do). */
  private final boolean ownsSession;
  private volatile boolean closed;

  private CassandraStore(CqlSession session, CassandraSettings settings, boolean ownsSession) {
    this.ownsSession = ownsSession;
    this.cql = new Cql(session, settings);
    this.users = new UserRows(cql);
    this.lists = new EdgeLists(cql);
    this.counts = new CountShards(cql);
    this.pairs = new PairWriter(cql, users, lists, counts);
    this.relations = new Relations(pairs);
    this.recounter = new Recounter(cql, counts);
    this.nodeLeases = new NodeLeases(cql, settings.nodeLease());
  }

  /** Connects, creates the keyspace and tables if asked to, and finishes work a stopped node left pending. */
  public static CassandraStore open(CassandraSettings settings) {
    return open(settings, true);
  }

  /**
   * Connects and creates the keyspace and tables if asked to ({@code create_schema}); otherwise checks that they
   * exist. {@code repairOnOpen}: finish the work stopped nodes left pending before returning (the operator's
   * {@code kith repair} opens without it, then runs {@link #repair()} to report what it finished).
   */
  public static CassandraStore open(CassandraSettings settings, boolean repairOnOpen) {
    CqlSession session = connect(settings);
    try {
      if (settings.createSchema()) {
        createSchema(session, settings);
      } else {
        Schema.requireExists(session, settings.keyspace());
      }
      CassandraStore store = new CassandraStore(session, settings, true);
      if (repairOnOpen) {
        store.repair();
      }
      log.info("Opened Cassandra store: keyspace {} at {} ({} reads and writes)", settings.keyspace(),
          settings.contactPoints(), settings.consistency());
      return store;
    } catch (RuntimeException e) {
      session.close();
      throw CassandraErrors.map("open keyspace " + settings.keyspace(), e);
    }
  }

  /** A client of the cluster the settings name; the caller closes it. */
  public static CqlSession connect(CassandraSettings settings) {
    try {
      return CqlSession.builder()
          .addContactPoints(settings.contactPoints())
          .withLocalDatacenter(settings.localDatacenter())
          .withConfigLoader(DriverConfigLoader.programmaticBuilder()
              .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
              .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
              .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
              .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
              .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
              .build())
          .build();
    } catch (RuntimeException e) {
      throw CassandraErrors.map("connect to " + settings.contactPoints(), e);
    }
  }

  /**
   * A store on a session someone else owns and closes (several stores over one client: tests, embedding). The
   * schema must exist.
   */
  public static CassandraStore onSession(CqlSession session, CassandraSettings settings) {
    CassandraStore store = new CassandraStore(session, settings, false);
    store.repair();
    return store;
  }

  /** Creates the keyspace and every table if missing (the {@code create_schema} setting, or {@code kith schema}). */
  public static SchemaReport createSchema(CqlSession session, CassandraSettings settings) {
    // Schema changes wait for every node to agree, which takes far longer than a query: their own timeout.
    Duration timeout = Duration.ofSeconds(60);
    Optional<Schema.Found> before = Schema.find(session, settings.keyspace());
    session.execute(SimpleStatement.newInstance(Schema.keyspace(settings.keyspace(), settings.replication()))
        .setTimeout(timeout));
    for (String table : Schema.tables(settings.keyspace())) {
      session.execute(SimpleStatement.newInstance(table).setTimeout(timeout));
    }
    session.checkSchemaAgreement();
    // Tables made by an earlier version lack the columns added since; requests pending from before are counted by
    // `kith repair` (docs/storage.md).
    for (Schema.AddedColumn added : Schema.missingColumns(session, settings.keyspace())) {
      log.info("Adding column {}.{} to keyspace {}", added.table(), added.column(), settings.keyspace());
      session.execute(SimpleStatement.newInstance(added.alter(settings.keyspace())).setTimeout(timeout));
      session.checkSchemaAgreement();
    }
    Schema.Found after = Schema.find(session, settings.keyspace()).orElseThrow(() -> new PermanentStoreException(
        "cassandra schema: keyspace " + settings.keyspace() + " not visible after creating it", null));
    List<String> found = before.map(Schema.Found::tables).orElse(List.of()).stream()
        .filter(Schema.TABLE_NAMES::contains).toList();
    List<String> created = Schema.TABLE_NAMES.stream().filter(table -> !found.contains(table)).toList();
    return new SchemaReport(settings.keyspace(), before.isEmpty(), after.replication(), created, found);
  }

  /**
   * Finishes every pending pair change, deletion and private-to-public approval; safe to run at any time, on any
   * node, concurrently with traffic. Runs when the store opens.
   */
  public RepairReport repair() {
    return guarded("repair", () -> {
      int pairsRepaired = pairs.repairPending();
      if (pairsRepaired > 0) {
        log.info("Finished {} pair changes that a stopped node or a failed call left pending", pairsRepaired);
      }
      int deletions = 0;
      for (Row row : cql.all("SELECT user_id FROM $.pending_work WHERE kind = 'delete'")) {
        purge(UserId.of(row.getLong(0)));
        deletions++;
      }
      int approvals = 0;
      for (Row row : cql.all("SELECT user_id FROM $.pending_work WHERE kind = 'approve'")) {
        approveAll(UserId.of(row.getLong(0)));
        approvals++;
      }
      return new RepairReport(pairsRepaired, deletions, approvals);
    });
  }

  /**
   * Recounts {@code user}'s followers, following and friends from its list partitions and, if the count shards
   * disagree, corrects them by the difference. Safe alongside traffic: a user whose relations change while it is
   * checked is retried, then reported {@link Recount.Status#BUSY} and left as it is. Run {@link #repair()} first,
   * so that no change left pending by a dead node keeps the user busy.
   */
  public Recount recount(UserId user) {
    return guarded("recount", () -> recounter.recount(user));
  }

  /**
   * Makes the keyspace look new to a store (tests only, instead of a keyspace per test): empties the tables keyed by
   * names or scanned whole; data keyed by fresh user ids cannot be seen by a test that did not create them.
   */
  public void truncateForTests() {
    guarded("truncate", () -> {
      for (String table : Schema.NAME_KEYED_TABLES) {
        cql.execute(SimpleStatement.newInstance(
            "TRUNCATE " + cql.settings().keyspace() + "." + table).setTimeout(Duration.ofSeconds(60)));
      }
      return null;
    });
  }

  // ---- users ----

  @Override
  public void createUser(User user, String passwordHash) {
    guarded("create user", () -> {
      users.claim(user.handle(), user.id());
      users.create(user, passwordHash);
      return null;
    });
  }

  @Override
  public Optional<User> user(UserId id) {
    return guarded("get user", () -> users.read(id).map(UserRows.Stored::user));
  }

  @Override
  public Optional<User> userByHandle(Handle handle) {
    return guarded("get user by handle", () -> users.holder(handle)
        .flatMap(users::read)
        .map(UserRows.Stored::user)
        .filter(user -> user.handle().equals(handle)));
  }

  @Override
  public List<User> users(List<UserId> ids) {
    return guarded("get users", () -> {
      List<User> found = new ArrayList<>(ids.size());
      for (UserRows.Stored stored : users.readAll(ids)) {
        if (stored != null) {
          found.add(stored.user());
        }
      }
      return found;
    });
  }

  @Override
  public List<User> scanUsers(Optional<UserId> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
    }
    return guarded("scan users", () -> users.scan(after, limit));
  }

  @Override
  public User updateUser(UserId id, ProfileUpdate update) {
    User updated = guarded("update user", () -> {
      UserRows.Stored current = users.read(id).orElseThrow(() -> KithException.notFound("no user with id " + id));
      User next = current.user().with(update);
      boolean newHandle = !next.handle().equals(current.user().handle());
      if (newHandle) {
        users.claim(next.handle(), id);
      }
      boolean goesPublic = current.user().isPrivate() && !next.isPrivate();
      if (goesPublic) {
        // Noted before the switch, so a node dying mid-approval leaves work that the next open finishes.
        cql.execute(cql.bind("INSERT INTO $.pending_work (kind, user_id) VALUES ('approve', ?)", id.value()));
      }
      users.update(next, current.passwordHash());
      if (newHandle) {
        users.release(current.user().handle(), id);
      }
      return next;
    });
    if (!updated.isPrivate()) {
      guarded("approve requests", () -> {
        if (cql.one("SELECT user_id FROM $.pending_work WHERE kind = 'approve' AND user_id = ?", id.value())
            != null) {
          approveAll(id);
        }
        return null;
      });
    }
    return updated;
  }

  @Override
  public boolean deleteUser(UserId id) {
    return guarded("delete user", () -> {
      Optional<UserRows.Stored> current = users.read(id);
      cql.execute(cql.bind("INSERT INTO $.pending_work (kind, user_id) VALUES ('delete', ?)", id.value()));
      boolean removed = users.delete(id);
      current.ifPresent(stored -> users.release(stored.user().handle(), id));
      purge(id);
      return removed && current.isPresent();
    });
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return guarded("get password hash", () -> users.read(id).map(UserRows.Stored::passwordHash));
  }

  // ---- graph ----

  /**
   * Counter columns cannot share a batch with the edge's rows: the charges are added after the edge is written, as
   * the default does, and only if it was created (a retry that finds the follow charges nothing).
   */
  @Override
  protected FollowOutcome followDistinct(UserId follower, UserId followee, Instant at, List<WindowCharge> charges) {
    FollowOutcome outcome = guarded("follow",
        () -> relations.apply(PairCommand.of(Verb.FOLLOW, follower, followee, at)).followOutcome());
    if (outcome == FollowOutcome.CREATED || outcome == FollowOutcome.REQUESTED) {
      for (WindowCharge charge : charges) {
        addToWindow(charge.limiter(), charge.subject(), charge.bucket(), charge.delta());
      }
    }
    return outcome;
  }

  @Override
  protected boolean unfollowDistinct(UserId follower, UserId followee) {
    return change("unfollow", PairCommand.of(Verb.UNFOLLOW, follower, followee));
  }

  @Override
  protected boolean acceptRequestDistinct(UserId owner, UserId requester, Instant at) {
    return change("accept request", PairCommand.of(Verb.ACCEPT, owner, requester, at));
  }

  @Override
  protected boolean rejectRequestDistinct(UserId owner, UserId requester) {
    return change("reject request", PairCommand.of(Verb.REJECT, owner, requester));
  }

  @Override
  protected boolean blockDistinct(UserId blocker, UserId blocked, Instant at) {
    return change("block", PairCommand.of(Verb.BLOCK, blocker, blocked, at));
  }

  @Override
  protected boolean unblockDistinct(UserId blocker, UserId blocked) {
    return change("unblock", PairCommand.of(Verb.UNBLOCK, blocker, blocked));
  }

  @Override
  protected void muteDistinct(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    change("mute", PairCommand.mute(muter, muted, at, expiresAt));
  }

  @Override
  protected boolean unmuteDistinct(UserId muter, UserId muted) {
    return change("unmute", PairCommand.of(Verb.UNMUTE, muter, muted));
  }

  /** Applies one verb to its pair as kith-core's rules decide it; whether it changed the pair. */
  private boolean change(String operation, PairCommand command) {
    return guarded(operation, () -> relations.apply(command)) == Outcome.CHANGED;
  }

  @Override
  public Counts counts(UserId id) {
    return guarded("get counts", () -> counts.of(id));
  }

  @Override
  public long outgoingRequests(UserId id) {
    return guarded("get outgoing requests", () -> counts.outgoingRequests(id));
  }

  @Override
  public Map<UserId, Counts> counts(List<UserId> ids) {
    return guarded("get counts", () -> counts.of(ids));
  }

  @Override
  public List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now) {
    return guarded("get relationships", () -> relations.relationships(viewer, others, now));
  }

  public List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    if (followers.size() != followees.size()) {
      throw new IllegalArgumentException("followers: " + followers.size() + " ids, followees: " + followees.size()
          + " (expected: as many of each)");
    }
    return guarded("get follow times", () -> relations.followTimes(followers, followees));
  }

  public void dismissSuggestion(UserId viewer, UserId other, Instant at) {
    guarded("dismiss suggestion", () -> {
      cql.execute(cql.bind("INSERT INTO $.dismissed (viewer, other, at) VALUES (?, ?, ?)", viewer.value(),
          other.value(), at.toEpochMilli()));
      return null;
    });
  }

  public Set<UserId> dismissedAmong(UserId viewer, List<UserId> others) {
    if (others.isEmpty()) {
      return Set.of();
    }
    return guarded("get dismissals", () -> {
      Set<UserId> dismissed = new HashSet<>();
      List<Long> ids = others.stream().map(UserId::value).distinct().toList();
      for (Row row : cql.all("SELECT other FROM $.dismissed WHERE viewer = ? AND other IN ?", viewer.value(),
          ids)) {
        dismissed.add(UserId.of(row.getLong(0)));
      }
      return dismissed;
    });
  }

  @Override
  public Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others) {
    return guarded("get blocks", () -> relations.blockedEitherWay(viewer, others));
  }

  @Override
  public EdgePage edges(EdgeList list, UserId owner, PageRequest request) {
    return guarded("list " + list, () -> lists.page(ListKind.of(list), owner, request));
  }

  // ---- rate windows: counter columns, see docs/consistency.md for why they may over-count on a retry ----

  @Override
  public void addToWindow(String limiter, String subject, long bucket, long delta) {
    guarded("add to rate window", () -> {
      cql.execute(cql.bind("UPDATE $.rate_windows SET hits = hits + ? WHERE limiter = ? AND subject = ?"
          + " AND bucket = ?", delta, limiter, subject, bucket).setIdempotent(false));
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
      Row pruned = cql.one("SELECT before FROM $.rate_prunes WHERE limiter = ?", limiter);
      long from = Math.max(fromBucket, pruned == null ? Long.MIN_VALUE : pruned.getLong(0));
      long[] window = new long[(int) (toBucket - fromBucket + 1)];
      for (Row row : cql.all("SELECT bucket, hits FROM $.rate_windows WHERE limiter = ? AND subject = ?"
          + " AND bucket >= ? AND bucket <= ?", limiter, subject, from, toBucket)) {
        window[(int) (row.getLong(0) - fromBucket)] = row.getLong(1);
      }
      return window;
    });
  }

  @Override
  public void pruneWindows(String limiter, long bucket) {
    guarded("prune rate windows", () -> {
      // Buckets before the mark read as empty; buckets only move forward, so old cells are never written again.
      Row current = cql.one("SELECT before FROM $.rate_prunes WHERE limiter = ?", limiter);
      if (current == null || current.getLong(0) < bucket) {
        cql.execute(cql.bind("INSERT INTO $.rate_prunes (limiter, before) VALUES (?, ?)", limiter, bucket));
      }
      return null;
    });
  }

  // ---- sessions ----

  @Override
  public void createSession(Session session) {
    guarded("create session", () -> {
      long ttl = Math.max(1, Duration.between(Instant.now(), session.expiresAt()).toSeconds() + 60);
      cql.execute(cql.bind("INSERT INTO $.sessions (token_hash, user_id, created_at, expires_at)"
              + " VALUES (?, ?, ?, ?) USING TTL ?", ByteBuffer.wrap(session.tokenHash().bytes()),
          session.userId().value(), session.createdAt().toEpochMilli(), session.expiresAt().toEpochMilli(),
          (int) Math.min(ttl, 630_720_000L)));
      return null;
    });
  }

  @Override
  public Optional<Session> session(TokenHash tokenHash) {
    return guarded("get session", () -> {
      Row row = cql.one("SELECT user_id, created_at, expires_at FROM $.sessions WHERE token_hash = ?",
          ByteBuffer.wrap(tokenHash.bytes()));
      return row == null ? Optional.<Session>empty() : Optional.of(new Session(tokenHash,
          UserId.of(row.getLong(0)), Instant.ofEpochMilli(row.getLong(1)), Instant.ofEpochMilli(row.getLong(2))));
    });
  }

  @Override
  public boolean deleteSession(TokenHash tokenHash) {
    return guarded("delete session", () -> cql.applied(cql.bind(
        "DELETE FROM $.sessions WHERE token_hash = ? IF EXISTS", ByteBuffer.wrap(tokenHash.bytes()))));
  }

  // ---- deletion and approval in chunks ----

  /** Severs every relation of a deleted user, chunk by chunk (each pair its own atomic change), then forgets it. */
  private void purge(UserId id) {
    for (ListKind kind : DELETE_ORDER) {
      drain(kind, id, false);
    }
    if (!closed) {
      cql.execute(cql.bind("DELETE FROM $.pending_work WHERE kind = 'delete' AND user_id = ?", id.value()));
    }
  }

  /**
   * Touches the pair of {@code owner} with every entry of one of its lists until the list is empty: each touch
   * settles the pair against its users (clearing it when one is deleted, turning a request to a public account into
   * a follow), which removes the entry. Walks on with a cursor, so entries already handled are not read again, and
   * checks from the top once more at the end.
   */
  private void drain(ListKind kind, UserId owner, boolean approval) {
    Optional<Position> after = Optional.empty();
    List<Edge> firstOfPass = null;
    while (!closed) {
      EdgePage chunk = lists.page(kind, owner, new PageRequest(after, CHUNK));
      if (after.isEmpty()) {
        // An approval stops when the owner went private again; a deletion's drain always runs to the end (its
        // owner is gone, which must not stop it).
        if (chunk.edges().isEmpty() || (approval && !approving(kind, owner))) {
          return;
        }
        if (chunk.edges().equals(firstOfPass)) {
          // A whole pass left these entries in place: no pair row stands behind them (never expected). Drop them
          // rather than loop.
          lists.removeStray(kind, owner, chunk.edges(), System.currentTimeMillis() * 1000);
          firstOfPass = null;
          continue;
        }
        firstOfPass = chunk.edges();
      }
      for (Edge edge : chunk.edges()) {
        // Settling is the whole change: the deletion or the switch to public is in the accounts already.
        pairs.change(owner, edge.other(), (state, accounts) -> Transitions.settle(state, accounts, Instant.now()));
      }
      after = chunk.next();
    }
  }

  /** Whether a drain of {@code kind} should go on: approvals stop when the owner went private again. */
  private boolean approving(ListKind kind, UserId owner) {
    if (kind != ListKind.REQUESTS_IN) {
      return true;
    }
    Optional<UserRows.Stored> user = users.read(owner);
    return user.isPresent() && !user.get().user().isPrivate();
  }

  /** Turns every pending request to {@code owner} (public now) into a follow, chunk by chunk. */
  private void approveAll(UserId owner) {
    if (approving(ListKind.REQUESTS_IN, owner)) {
      // The settle step of every change turns a request to a public account into a follow.
      drain(ListKind.REQUESTS_IN, owner, true);
    }
    if (!closed) {
      cql.execute(cql.bind("DELETE FROM $.pending_work WHERE kind = 'approve' AND user_id = ?", owner.value()));
    }
  }

  // ---- lifecycle ----

  @Override
  public boolean isHealthy() {
    if (closed) {
      return false;
    }
    try {
      cql.execute(cql.bind("SELECT release_version FROM system.local"));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    nodeLeases.close();
    if (ownsSession) {
      cql.session().close();
    }
    log.info("Closed Cassandra store");
  }

  // ---- node ids ----

  @Override
  public NodeIdLease leaseNodeId(int preferred, Clock clock) {
    return guarded("lease a node id", () -> nodeLeases.lease(preferred, clock));
  }

  private <T> T guarded(String operation, Supplier<T> call) {
    if (closed) {
      throw new PermanentStoreException("cassandra " + operation + " failed: the store is closed", null);
    }
    try {
      return call.get();
    } catch (KithException | IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      if (closed) {
        throw new PermanentStoreException("cassandra " + operation + " failed: the store is closed", e);
      }
      throw CassandraErrors.map(operation, e);
    }
  }
}
