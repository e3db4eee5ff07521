package io.kith.core.spi;

/** A failure that retrying will not fix (corruption, closed store, disk full, bad configuration). */
public final class PermanentStoreException extends StoreException {
  private static final long serialVersionUID = 1L;

  public PermanentStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isTemporary() {
    return false;
  }
}
