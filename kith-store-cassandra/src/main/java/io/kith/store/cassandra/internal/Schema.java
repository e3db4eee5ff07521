package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import io.kith.core.spi.PermanentStoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyspace's tables (docs/storage.md, "Cassandra"). Only CQL that Cassandra 4+/5 and ScyllaDB share: static
 * columns, multi-column clustering slices, lightweight transactions (single-partition {@code IF} conditions and
 * conditional batches within one partition), logged batches, counter columns (rate windows only) and TTLs.
 */
final class Schema {
  /**
   * The tables a store must see empty to look new: those keyed by names (handles, rate limiters) or scanned whole
   * (the user index, the work lists). Every other table is keyed by user ids, which never repeat.
   */
  static final List<String> NAME_KEYED_TABLES = List.of("handles", "user_index", "user_index_buckets",
      "pending_pairs", "pending_work", "rate_windows", "rate_prunes");

  private static final Pattern TABLE_NAME = Pattern.compile("CREATE TABLE IF NOT EXISTS [a-z0-9_]+\\.([a-z_]+) ");

  /** Every table of the keyspace, in creation order. */
  static final List<String> TABLE_NAMES = tables("ks").stream().map(Schema::tableName).toList();

  /** An existing keyspace as the cluster describes it: its replication (keys sorted) and its tables. */
  record Found(Map<String, String> replication, List<String> tables) {}

  /** A column added to a table after the table was first released; {@code kith schema} adds it where missing. */
  record AddedColumn(String table, String column, String type) {
    String alter(String keyspace) {
      return "ALTER TABLE " + keyspace + "." + table + " ADD " + column + " " + type;
    }
  }

  /**
   * Columns that keyspaces created by earlier versions lack. {@code counts.requests_out}: pending outgoing follow
   * requests, counted by the follow cap; requests made before it existed are counted by {@code kith repair}.
   */
  static final List<AddedColumn> ADDED_COLUMNS = List.of(new AddedColumn("counts", "requests_out", "bigint static"));

  /** Those of {@link #ADDED_COLUMNS} whose table exists in {@code keyspace} without them. */
  static List<AddedColumn> missingColumns(CqlSession session, String keyspace) {
    Optional<KeyspaceMetadata> metadata = session.refreshSchema().getKeyspace(CqlIdentifier.fromInternal(keyspace));
    if (metadata.isEmpty()) {
      return List.of();
    }
    return ADDED_COLUMNS.stream()
        .filter(added -> metadata.get().getTable(CqlIdentifier.fromInternal(added.table()))
            .map(table -> table.getColumn(CqlIdentifier.fromInternal(added.column())).isEmpty())
            .orElse(false))
        .toList();
  }

  private Schema() {}

  /** The keyspace as the cluster knows it now (the driver's schema metadata, refreshed first). */
  static Optional<Found> find(CqlSession session, String keyspace) {
    Optional<KeyspaceMetadata> metadata = session.refreshSchema().getKeyspace(CqlIdentifier.fromInternal(keyspace));
    return metadata.map(ks -> new Found(java.util.Collections.unmodifiableMap(new TreeMap<>(ks.getReplication())),
        ks.getTables().keySet().stream().map(CqlIdentifier::asInternal).sorted().toList()));
  }

  /**
   * Fails with a message saying what to run when the keyspace or one of its tables is missing (a store opened with
   * {@code create_schema=false}, as where DDL is run by operators only).
   */
  static void requireExists(CqlSession session, String keyspace) {
    Optional<Found> found = find(session, keyspace);
    List<String> missing = found.isEmpty() ? List.of()
        : TABLE_NAMES.stream().filter(table -> !found.get().tables().contains(table)).toList();
    List<String> columns = found.isEmpty() ? List.of()
        : missingColumns(session, keyspace).stream().map(added -> added.table() + "." + added.column()).toList();
    if (found.isEmpty() || !missing.isEmpty() || !columns.isEmpty()) {
      throw new PermanentStoreException("cassandra: " + (found.isEmpty() ? "keyspace " + keyspace + " does not exist"
          : "keyspace " + keyspace + " lacks " + (missing.isEmpty() ? "" : "tables " + missing)
              + (!missing.isEmpty() && !columns.isEmpty() ? " and " : "")
              + (columns.isEmpty() ? "" : "columns " + columns))
          + " and create_schema is false; create them with"
          + " `kith schema --store cassandra --keyspace " + keyspace + " ...`, or let the server create them"
          + " (serve --create-schema true)", null);
    }
  }

  private static String tableName(String createTable) {
    Matcher matcher = TABLE_NAME.matcher(createTable);
    if (!matcher.find()) {
      throw new IllegalStateException("not a CREATE TABLE: " + createTable);
    }
    return matcher.group(1);
  }

  static String keyspace(String keyspace, String replication) {
    return "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication;
  }

  static List<String> tables(String ks) {
    return List.of(
        // One row per user; the profile as stored plus the password hash.
        "CREATE TABLE IF NOT EXISTS " + ks + ".users (id bigint PRIMARY KEY, handle text, display_name text,"
            + " bio text, avatar_url text, is_private boolean, lists_visibility text, discoverable boolean,"
            + " created_at bigint, password_hash text)",
        // Canonical handle -> owner, claimed with INSERT ... IF NOT EXISTS (LWT): the uniqueness gate.
        "CREATE TABLE IF NOT EXISTS " + ks + ".handles (handle text PRIMARY KEY, user_id bigint)",
        // Users in id order for scans, bucketed by the high bits of the id so no partition grows without end.
        "CREATE TABLE IF NOT EXISTS " + ks + ".user_index (bucket bigint, id bigint, PRIMARY KEY ((bucket), id))",
        "CREATE TABLE IF NOT EXISTS " + ks + ".user_index_buckets (part int, bucket bigint,"
            + " PRIMARY KEY ((part), bucket))",
        // Everything between two users (lo < hi): follows, requests, blocks and mutes both ways. Mutated only by
        // LWT on `version`; `pending` holds the state before the last change until its derived writes are done.
        "CREATE TABLE IF NOT EXISTS " + ks + ".pairs (lo bigint, hi bigint, version bigint, ts bigint,"
            + " follow_lh bigint, follow_hl bigint, request_lh bigint, request_hl bigint, block_lh bigint,"
            + " block_hl bigint, mute_lh bigint, mute_hl bigint, mute_lh_until bigint, mute_hl_until bigint,"
            + " pending text, PRIMARY KEY ((lo, hi)))",
        // Pairs whose derived writes may be unfinished: the repair sweep's work list.
        "CREATE TABLE IF NOT EXISTS " + ks + ".pending_pairs (shard int, lo bigint, hi bigint, op uuid,"
            + " PRIMARY KEY ((shard), lo, hi, op))",
        // Every per-user list, newest first, in time buckets: one bounded partition per (owner, list, bucket).
        "CREATE TABLE IF NOT EXISTS " + ks + ".edges (owner bigint, list tinyint, bucket bigint, at bigint,"
            + " other bigint, PRIMARY KEY ((owner, list, bucket), at, other))"
            + " WITH CLUSTERING ORDER BY (at DESC, other DESC)",
        // The buckets a list has used, newest first: where a page walk goes next.
        "CREATE TABLE IF NOT EXISTS " + ks + ".edge_buckets (owner bigint, list tinyint, bucket bigint,"
            + " PRIMARY KEY ((owner, list), bucket)) WITH CLUSTERING ORDER BY (bucket DESC)",
        // Exact counts in a few shards per user (static columns, compare-and-set on `version`); each clustering
        // row marks an operation already applied to that shard, so a repeated one is a no-op.
        "CREATE TABLE IF NOT EXISTS " + ks + ".counts (user_id bigint, shard int, op uuid,"
            + " followers bigint static, following bigint static, friends bigint static, version bigint static,"
            + " requests_out bigint static, PRIMARY KEY ((user_id, shard), op))",
        // Deletions and private->public approvals to finish (resumed when any node opens the store).
        "CREATE TABLE IF NOT EXISTS " + ks + ".pending_work (kind text, user_id bigint,"
            + " PRIMARY KEY ((kind), user_id))",
        "CREATE TABLE IF NOT EXISTS " + ks + ".sessions (token_hash blob PRIMARY KEY, user_id bigint,"
            + " created_at bigint, expires_at bigint)",
        "CREATE TABLE IF NOT EXISTS " + ks + ".rate_windows (limiter text, subject text, bucket bigint,"
            + " hits counter, PRIMARY KEY ((limiter, subject), bucket))",
        "CREATE TABLE IF NOT EXISTS " + ks + ".rate_prunes (limiter text PRIMARY KEY, before bigint)",
        "CREATE TABLE IF NOT EXISTS " + ks + ".dismissed (viewer bigint, other bigint, at bigint,"
            + " PRIMARY KEY ((viewer), other))",
        // Id-generator node ids leased by Kith nodes, by LWT on `holder`; `expires_at` bounds the id timestamps the
        // holder may use, and where the next holder starts. No TTL: a row outlives its lease to say that.
        "CREATE TABLE IF NOT EXISTS " + ks + ".node_leases (node_id int PRIMARY KEY, holder uuid,"
            + " expires_at bigint)");
  }
}
