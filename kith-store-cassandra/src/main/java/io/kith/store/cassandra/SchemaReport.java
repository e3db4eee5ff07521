package io.kith.store.cassandra;

import java.util.List;
import java.util.Map;

/**
 * What {@code kith schema} found and did: whether the keyspace was created (an existing keyspace keeps its
 * replication: change that with ALTER KEYSPACE), the replication in effect, and the tables created and found.
 */
public record SchemaReport(String keyspace, boolean keyspaceCreated, Map<String, String> replication,
                           List<String> tablesCreated, List<String> tablesFound) {}
