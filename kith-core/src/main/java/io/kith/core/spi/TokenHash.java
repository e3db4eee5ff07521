package io.kith.core.spi;

import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest of a bearer token. Stores keep only this; the token itself is never written down. */
public final class TokenHash {
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private TokenHash(byte[] bytes) {
    this.bytes = bytes;
  }

  public static TokenHash of(byte[] digest) {
    if (digest.length != LENGTH) {
      throw new IllegalArgumentException("digest length: " + digest.length + " (expected: " + LENGTH + ")");
    }
    return new TokenHash(digest.clone());
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "TokenHash[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
  }
}
