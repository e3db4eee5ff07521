package io.kith.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kith.bench.driver.Graph;
import java.io.IOException;
import java.io.Reader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL peer, as a team would build it: {@code follows(follower_id, followee_id, created_at)} with its
 * primary key and one index per list direction, a {@code counts} table changed in the same transaction only when an
 * edge is inserted or deleted, checks with {@code = ANY(?)}, keyset pages. Stock server settings, synchronous commit
 * on; pgJDBC through a HikariCP pool. Everything lives in schema {@code kith_bench}, made by a load and dropped on close.
 */
public final class PostgresPeer implements Peer {
  private static final String SCHEMA = "kith_bench";
  private static final String DEADLOCK = "40P01";
  private static final String FOLLOW = """
      WITH ins AS (INSERT INTO kith_bench.follows VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                   RETURNING follower_id, followee_id)
      UPDATE kith_bench.counts c SET following = following + (c.user_id = ins.follower_id)::int,
                                     followers = followers + (c.user_id = ins.followee_id)::int
      FROM ins WHERE c.user_id IN (ins.follower_id, ins.followee_id)""";
  private static final String UNFOLLOW = """
      WITH del AS (DELETE FROM kith_bench.follows WHERE follower_id = ? AND followee_id = ?
                   RETURNING follower_id, followee_id)
      UPDATE kith_bench.counts c SET following = following - (c.user_id = del.follower_id)::int,
                                     followers = followers - (c.user_id = del.followee_id)::int
      FROM del WHERE c.user_id IN (del.follower_id, del.followee_id)""";

  private final String url;
  private final String user;
  private final int poolSize;
  private HikariDataSource pool;

  public PostgresPeer(String url, String user, int poolSize) {
    this.url = url;
    this.user = user;
    this.poolSize = poolSize;
  }

  /** Whether a server answers at {@code url}; for the CI check that must not silently skip. */
  public static boolean reachable(String url, String user) {
    try (Connection connection = java.sql.DriverManager.getConnection(url, user, "")) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String settings() {
    try (Connection c = pool().getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT current_setting('server_version'), current_setting('synchronous_commit'),"
             + " current_setting('shared_buffers'), current_setting('fsync')")) {
      r.next();
      return "PostgreSQL " + r.getString(1) + " on loopback, synchronous_commit=" + r.getString(2) + ", fsync="
          + r.getString(4) + ", shared_buffers=" + r.getString(3) + " (stock), pgJDBC + HikariCP pool of "
          + poolSize + "; loaded by COPY, then the three indexes built in parallel sessions";
    } catch (SQLException e) {
      return "PostgreSQL (settings unreadable: " + e.getMessage() + ")";
    }
  }

  private HikariDataSource pool() {
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setMaximumPoolSize(poolSize);
      config.setMinimumIdle(poolSize);
      config.setAutoCommit(true);
      config.addDataSourceProperty("prepareThreshold", "1");
      pool = new HikariDataSource(config);
    }
    return pool;
  }

  @Override
  public void load(Graph graph) throws SQLException, IOException {
    try (Connection c = pool().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
      s.execute("CREATE TABLE kith_bench.users (id bigint PRIMARY KEY, handle text NOT NULL UNIQUE,"
          + " bio text NOT NULL DEFAULT '', created_at bigint NOT NULL)");
      s.execute("CREATE TABLE kith_bench.follows (follower_id bigint NOT NULL, followee_id bigint NOT NULL,"
          + " created_at bigint NOT NULL)");
      s.execute("CREATE TABLE kith_bench.counts (user_id bigint PRIMARY KEY, followers bigint NOT NULL DEFAULT 0,"
          + " following bigint NOT NULL DEFAULT 0)");
      PGConnection pg = c.unwrap(PGConnection.class);
      pg.getCopyAPI().copyIn("COPY kith_bench.users (id, handle, created_at) FROM STDIN",
          new RowsReader(graph.users, i -> (i + 1) + "\tu" + i + "\t" + graph.startMillis + "\n"));
      pg.getCopyAPI().copyIn("COPY kith_bench.follows FROM STDIN",
          new RowsReader(graph.edges(), i -> graph.from[i] + "\t" + graph.to[i] + "\t" + graph.timeOf(i) + "\n"));
      // The three indexes are built at once, one session each, as a bulk load would (the server stays stock; only
      // these sessions get more maintenance memory).
      buildInParallel(List.of(
          "ALTER TABLE kith_bench.follows ADD CONSTRAINT follows_pkey PRIMARY KEY (follower_id, followee_id)",
          "CREATE INDEX follows_by_followee ON kith_bench.follows (followee_id, created_at DESC, follower_id)",
          "CREATE INDEX follows_by_follower ON kith_bench.follows (follower_id, created_at DESC, followee_id)"));
      s.execute("INSERT INTO kith_bench.counts (user_id, followers, following) SELECT u.id,"
          + " COALESCE(r.n, 0), COALESCE(g.n, 0) FROM kith_bench.users u"
          + " LEFT JOIN (SELECT followee_id AS id, count(*) AS n FROM kith_bench.follows GROUP BY 1) r USING (id)"
          + " LEFT JOIN (SELECT follower_id AS id, count(*) AS n FROM kith_bench.follows GROUP BY 1) g USING (id)");
      s.execute("VACUUM ANALYZE kith_bench.follows");
      s.execute("ANALYZE kith_bench.counts");
      s.execute("ANALYZE kith_bench.users");
    }
  }

  private void buildInParallel(List<String> statements) throws SQLException {
    List<Thread> threads = new ArrayList<>();
    List<SQLException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (String statement : statements) {
      threads.add(Thread.ofPlatform().start(() -> {
        try (Connection c = pool().getConnection(); Statement s = c.createStatement()) {
          s.execute("SET maintenance_work_mem = '256MB'");
          s.execute(statement);
        } catch (SQLException e) {
          failures.add(e);
        }
      }));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while building indexes", e);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }

  @Override
  public int checks(int viewer, int[] others) {
    return sql(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT followee_id FROM kith_bench.follows WHERE follower_id = ? AND followee_id = ANY(?)")) {
        Long[] ids = new Long[others.length];
        for (int i = 0; i < others.length; i++) {
          ids[i] = (long) others[i];
        }
        Array array = c.createArrayOf("bigint", ids);
        ps.setLong(1, viewer);
        ps.setArray(2, array);
        int found = 0;
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            found++;
          }
        }
        return found;
      }
    });
  }

  @Override
  public Page followers(int owner, Object cursor, int limit) {
    return sql(c -> {
      String query = cursor == null
          ? "SELECT follower_id, created_at FROM kith_bench.follows WHERE followee_id = ?"
              + " ORDER BY created_at DESC, follower_id DESC LIMIT ?"
          : "SELECT follower_id, created_at FROM kith_bench.follows WHERE followee_id = ?"
              + " AND (created_at, follower_id) < (?, ?) ORDER BY created_at DESC, follower_id DESC LIMIT ?";
      try (PreparedStatement ps = c.prepareStatement(query)) {
        ps.setLong(1, owner);
        if (cursor == null) {
          ps.setInt(2, limit + 1);
        } else {
          long[] position = (long[]) cursor;
          ps.setLong(2, position[0]);
          ps.setLong(3, position[1]);
          ps.setInt(4, limit + 1);
        }
        int size = 0;
        long[] last = null;
        boolean more = false;
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            if (size == limit) {
              more = true;
              break;
            }
            last = new long[] {r.getLong(2), r.getLong(1)};
            size++;
          }
        }
        return new Page(size, more ? last : null);
      }
    });
  }

  @Override
  public long followerCount(int user) {
    return sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT followers FROM kith_bench.counts WHERE user_id = ?")) {
        ps.setLong(1, user);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? r.getLong(1) : 0L;
        }
      }
    });
  }

  @Override
  public boolean follow(int follower, int followee) {
    return sql(c -> {
      try (PreparedStatement ps = c.prepareStatement(FOLLOW)) {
        ps.setLong(1, follower);
        ps.setLong(2, followee);
        ps.setLong(3, System.currentTimeMillis());
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public boolean unfollow(int follower, int followee) {
    return sql(c -> {
      try (PreparedStatement ps = c.prepareStatement(UNFOLLOW)) {
        ps.setLong(1, follower);
        ps.setLong(2, followee);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public int profile(int user) {
    return sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT handle, bio FROM kith_bench.users WHERE id = ?")) {
        ps.setLong(1, user);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? r.getString(1).length() + r.getString(2).length() : 0;
        }
      }
    });
  }

  @Override
  public void updateProfile(int user, String bio) {
    sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE kith_bench.users SET bio = ? WHERE id = ?")) {
        ps.setString(1, bio);
        ps.setLong(2, user);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void createUser(int user) {
    sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("WITH u AS (INSERT INTO kith_bench.users (id, handle,"
          + " created_at) VALUES (?, ?, ?)) INSERT INTO kith_bench.counts (user_id) VALUES (?)")) {
        ps.setLong(1, user);
        ps.setString(2, "b" + user);
        ps.setLong(3, System.currentTimeMillis());
        ps.setLong(4, user);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void deleteUser(int user) {
    sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("WITH u AS (DELETE FROM kith_bench.users WHERE id = ?)"
          + " DELETE FROM kith_bench.counts WHERE user_id = ?")) {
        ps.setLong(1, user);
        ps.setLong(2, user);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public long footprintBytes() {
    return sql(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          "SELECT pg_total_relation_size('kith_bench.follows') + pg_total_relation_size('kith_bench.counts')")) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  @Override
  public String footprintKind() {
    return "disk (follows + counts, with indexes)";
  }

  /** Drops the schema (1.7 GB at the default size): the server is shared, and a load makes it again anyway. */
  @Override
  public void close() {
    if (pool != null) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      } catch (SQLException e) {
        System.err.println("postgres: could not drop schema " + SCHEMA + ": " + e.getMessage());
      } finally {
        pool.close();
      }
    }
  }

  @FunctionalInterface
  private interface SqlCall<T> {
    T call(Connection connection) throws SQLException;
  }

  /** Runs one statement on a pooled connection; a deadlock between two counter updates is retried. */
  private <T> T sql(SqlCall<T> call) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool().getConnection()) {
        return call.call(c);
      } catch (SQLException e) {
        if (!DEADLOCK.equals(e.getSQLState()) || attempt == 5) {
          throw new IllegalStateException("postgres: " + e.getMessage(), e);
        }
      }
    }
  }

  /** Streams generated COPY rows without building the whole text in memory. */
  private static final class RowsReader extends Reader {
    private final int rows;
    private final java.util.function.IntFunction<String> row;
    private int next;
    private String current = "";
    private int offset;

    RowsReader(int rows, java.util.function.IntFunction<String> row) {
      this.rows = rows;
      this.row = row;
    }

    @Override
    public int read(char[] buffer, int off, int len) {
      int written = 0;
      while (written < len) {
        if (offset == current.length()) {
          if (next == rows) {
            return written == 0 ? -1 : written;
          }
          current = row.apply(next++);
          offset = 0;
        }
        int n = Math.min(len - written, current.length() - offset);
        current.getChars(offset, offset + n, buffer, off + written);
        offset += n;
        written += n;
      }
      return written;
    }

    @Override
    public void close() {}
  }
}
