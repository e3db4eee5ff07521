package io.kith.server.internal.paging;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.Position;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Opaque keyset cursors: base64url of (version, list kind, owner id, position time, position id). The list and
 * owner are inside so a cursor pasted into another list is refused instead of silently paging the wrong thing. The
 * list kind is {@link EdgeList#code()}, a stable number, so cursors already handed out keep working whatever order
 * the enum's constants are in.
 * Tampering with the position only moves where a page starts, which any client could ask for anyway.
 */
public final class Cursors {
  private static final byte VERSION = 1;
  private static final int LENGTH = 1 + 1 + 8 + 8 + 8;
  private static final String FIELD = "cursor";

  private Cursors() {}

  public static String encode(EdgeList list, UserId owner, Position position) {
    ByteBuffer buffer = ByteBuffer.allocate(LENGTH)
        .put(VERSION)
        .put((byte) list.code())
        .putLong(owner.value())
        .putLong(position.atMillis())
        .putLong(position.other().value());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /** The position a cursor resumes after; 400 on field {@code cursor} if it is malformed or foreign. */
  public static Position decode(String cursor, EdgeList list, UserId owner) {
    ByteBuffer buffer = CursorBytes.open(cursor, VERSION, LENGTH);
    int kind = buffer.get();
    long ownerId = buffer.getLong();
    long atMillis = buffer.getLong();
    long otherId = buffer.getLong();
    if (!isListCode(kind)) {
      throw malformed();
    }
    if (kind != list.code() || ownerId != owner.value()) {
      throw KithException.invalid(FIELD, "cursor belongs to a different list; start again without a cursor");
    }
    if (atMillis < 0 || otherId <= 0) {
      throw malformed();
    }
    return new Position(atMillis, UserId.of(otherId));
  }

  private static boolean isListCode(int code) {
    try {
      EdgeList.fromCode(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static KithException malformed() {
    return CursorBytes.malformed();
  }
}
