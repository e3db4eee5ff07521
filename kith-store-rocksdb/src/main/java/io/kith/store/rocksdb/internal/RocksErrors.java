package io.kith.store.rocksdb.internal;

import io.kith.core.spi.PermanentStoreException;
import io.kith.core.spi.StoreException;
import io.kith.core.spi.TemporaryStoreException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** The one place RocksDB failures become Kith's temporary or permanent store errors. */
final class RocksErrors {
  private RocksErrors() {}

  static StoreException map(String operation, RocksDBException e) {
    Status status = e.getStatus();
    Status.Code code = status == null ? Status.Code.Undefined : status.getCode();
    String message = "rocksdb " + operation + " failed: " + code + (e.getMessage() == null ? "" : " " + e.getMessage());
    return switch (code) {
      // Write stalls, lock contention and timeouts pass; retrying the same idempotent write is safe.
      case Busy, TryAgain, TimedOut, Incomplete, Aborted -> new TemporaryStoreException(message, e);
      default -> new PermanentStoreException(message, e);
    };
  }
}
