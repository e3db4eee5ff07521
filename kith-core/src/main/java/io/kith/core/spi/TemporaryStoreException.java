package io.kith.core.spi;

/** A failure that may pass (busy, timed out, node down); the call did not apply, or re-applying it is a no-op. */
public final class TemporaryStoreException extends StoreException {
  private static final long serialVersionUID = 1L;

  public TemporaryStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isTemporary() {
    return true;
  }
}
