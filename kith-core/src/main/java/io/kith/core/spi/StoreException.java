package io.kith.core.spi;

/** An infrastructure failure of a store, mapped once at the backend's edge. */
public abstract sealed class StoreException extends RuntimeException
    permits TemporaryStoreException, PermanentStoreException {
  private static final long serialVersionUID = 1L;

  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether retrying the same call may succeed. */
  public abstract boolean isTemporary();
}
