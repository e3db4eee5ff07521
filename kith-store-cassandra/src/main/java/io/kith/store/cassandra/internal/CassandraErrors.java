package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.kith.core.KithException;
import io.kith.core.spi.PermanentStoreException;
import io.kith.core.spi.StoreException;
import io.kith.core.spi.TemporaryStoreException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place driver failures become {@link StoreException}s. Temporary: the cluster could not answer in time or
 * had too few replicas up (timeouts, unavailable, overloaded, no node reachable). Every write of this store is safe to
 * repeat (see docs/consistency.md), so a write whose outcome is unknown is temporary too. Anything else (bad CQL,
 * schema, auth, a closed session) is permanent.
 */
public final class CassandraErrors {
  private CassandraErrors() {}

  public static RuntimeException map(String operation, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof KithException kith) {
      return kith;
    }
    if (cause instanceof StoreException store) {
      return store;
    }
    String message = "cassandra " + operation + " failed: " + cause.getClass().getSimpleName() + ": "
        + cause.getMessage();
    if (isTemporary(cause)) {
      return new TemporaryStoreException(message, cause);
    }
    return new PermanentStoreException(message, cause);
  }

  static boolean isTemporary(Throwable cause) {
    return cause instanceof DriverTimeoutException
        || cause instanceof QueryConsistencyException
        || cause instanceof UnavailableException
        || cause instanceof OverloadedException
        || cause instanceof BootstrappingException
        || cause instanceof CASWriteUnknownException
        || cause instanceof TruncateException
        || cause instanceof BusyConnectionException
        || cause instanceof ClosedConnectionException
        || cause instanceof HeartbeatException
        || cause instanceof AllNodesFailedException;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
