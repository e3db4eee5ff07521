package io.kith.server.internal.paging;

import io.kith.core.KithException;
import java.nio.ByteBuffer;
import java.util.Base64;

/** The envelope every cursor kind shares: base64url of a version byte and a fixed-length body. */
final class CursorBytes {
  static final String FIELD = "cursor";

  private CursorBytes() {}

  /** The cursor's body, positioned after its version byte; 400 on {@code cursor} if it is not one of ours. */
  static ByteBuffer open(String cursor, byte version, int length) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (bytes.length != length) {
      throw malformed();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (buffer.get() != version) {
      throw malformed();
    }
    return buffer;
  }

  static KithException malformed() {
    return KithException.invalid(FIELD, "cursor is malformed; use the next_cursor of a previous page");
  }
}
