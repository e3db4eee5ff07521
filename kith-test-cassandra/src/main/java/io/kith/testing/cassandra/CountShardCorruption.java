package io.kith.testing.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.util.List;

/**
 * Damages a user's stored count for repair tests, the way a buggy writer would: through a compare-and-set on a
 * count shard's version, as Kith's own count writes are made. A plain write would mix with Kith's lightweight
 * transactions on the same cells, and a later Paxos round may re-propose an older accepted value over it, undoing
 * the damage after a repair has already corrected for it (a test artifact seen once in CI).
 */
public final class CountShardCorruption {
  private CountShardCorruption() {}

  /**
   * Sets {@code column} (followers, following, friends or requests_out) of the first count shard {@code user} has,
   * out of {@code shards}, to {@code value}. Fails if the user has no count shard yet.
   */
  public static void set(CqlSession cql, String keyspace, long user, int shards, String column, long value) {
    if (!List.of("followers", "following", "friends", "requests_out").contains(column)) {
      throw new IllegalArgumentException(
          "column: " + column + " (expected: followers, following, friends or requests_out)");
    }
    for (int shard = 0; shard < shards; shard++) {
      Row row = cql.execute(SimpleStatement.newInstance("SELECT version FROM " + keyspace + ".counts"
              + " WHERE user_id = ? AND shard = ? LIMIT 1", user, shard)
          .setConsistencyLevel(DefaultConsistencyLevel.ALL)).one();
      if (row == null || row.isNull(0)) {
        continue;
      }
      long version = row.getLong(0);
      boolean applied = cql.execute(SimpleStatement.newInstance("UPDATE " + keyspace + ".counts SET " + column
              + " = ?, version = ? WHERE user_id = ? AND shard = ? IF version = ?", value, version + 1, user, shard,
          version).setConsistencyLevel(DefaultConsistencyLevel.ALL)).wasApplied();
      if (!applied) {
        throw new IllegalStateException("count shard " + shard + " of " + user + " changed while being damaged");
      }
      return;
    }
    throw new IllegalStateException("user " + user + " has no count shard to damage");
  }
}
