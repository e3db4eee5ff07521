package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The session with this store's consistency levels and prepared statements (prepared once per text). Every
 * statement is marked idempotent, since each write of this store may be repeated (docs/consistency.md), except
 * rate-window counter increments, which are marked otherwise.
 */
final class Cql {
  private final CqlSession session;
  private final CassandraSettings settings;
  private final String keyspace;
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

  Cql(CqlSession session, CassandraSettings settings) {
    this.session = session;
    this.settings = settings;
    this.keyspace = settings.keyspace();
  }

  CqlSession session() {
    return session;
  }

  /**
   * Prepares statements ahead, so that code running in the driver's callbacks (where a blocking call is refused)
   * only binds.
   */
  void prepare(String... statements) {
    for (String statement : statements) {
      prepared(statement);
    }
  }

  private PreparedStatement prepared(String cql) {
    return prepared.computeIfAbsent(cql, text -> session.prepare(text.replace("$", keyspace)));
  }

  /** Binds {@code cql}, where {@code $} stands for the keyspace. */
  BoundStatement bind(String cql, Object... values) {
    return prepared(cql).bind(values)
        .setConsistencyLevel(settings.consistency())
        .setSerialConsistencyLevel(settings.serialConsistency())
        .setTimeout(settings.requestTimeout())
        .setIdempotent(true);
  }

  ResultSet execute(Statement<?> statement) {
    return session.execute(statement);
  }

  Row one(String cql, Object... values) {
    return session.execute(bind(cql, values)).one();
  }

  List<Row> all(String cql, Object... values) {
    return session.execute(bind(cql, values)).all();
  }

  /** Runs a conditional statement; whether it applied. */
  boolean applied(Statement<?> statement) {
    return session.execute(statement).wasApplied();
  }

  /** A logged batch: all of its writes apply, or (after a repeat) none is lost. */
  void logged(List<BoundStatement> statements) {
    loggedAsync(statements).join();
  }

  CompletableFuture<Void> loggedAsync(List<BoundStatement> statements) {
    if (statements.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    BatchStatement batch = BatchStatement.newInstance(com.datastax.oss.driver.api.core.cql.DefaultBatchType.LOGGED)
        .addAll(statements)
        .setConsistencyLevel(settings.consistency())
        .setSerialConsistencyLevel(settings.serialConsistency())
        .setTimeout(settings.requestTimeout())
        .setIdempotent(true);
    return session.executeAsync(batch).toCompletableFuture().thenApply(rs -> null);
  }

  CompletionStage<AsyncResultSet> async(Statement<?> statement) {
    return session.executeAsync(statement);
  }

  /** Runs {@code reads} concurrently, each to one partition, and maps the first row of each (or null). */
  <T> List<T> parallel(List<BoundStatement> reads, Function<Row, T> mapper) {
    return parallelIndexed(reads, (index, row) -> mapper.apply(row));
  }

  /** As {@link #parallel}, the mapper also told which read a row answers. */
  <T> List<T> parallelIndexed(List<BoundStatement> reads, BiFunction<Integer, Row, T> mapper) {
    List<CompletableFuture<T>> futures = new ArrayList<>(reads.size());
    for (int i = 0; i < reads.size(); i++) {
      int index = i;
      futures.add(session.executeAsync(reads.get(i)).toCompletableFuture().thenApply(rs -> {
        Row row = rs.one();
        return row == null ? null : mapper.apply(index, row);
      }));
    }
    List<T> results = new ArrayList<>(reads.size());
    for (CompletableFuture<T> future : futures) {
      results.add(future.join());
    }
    return results;
  }

  CassandraSettings settings() {
    return settings;
  }
}
