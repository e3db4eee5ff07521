package io.kith.server.internal.paging;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.Position;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque keyset cursors of the graph-query lists (known followers, mutual following, follow-back, follower and
 * following ids): base64url of (version, kind, owner id, partner id, position time, position id). They have their own version and
 * length, so a cursor of a plain list ({@link Cursors}) is refused here and one of these is refused there; the kind,
 * owner and partner (the viewer or the {@code with} user) inside make a cursor of one query a 400 on another.
 */
public final class QueryCursors {
  private static final byte VERSION = 2;
  private static final int LENGTH = 1 + 1 + 8 + 8 + 8 + 8;
  private static final String FIELD = "cursor";

  /** Which query a cursor pages; the byte values are part of every cursor handed out: never renumber. */
  public enum Kind {
    KNOWN_FOLLOWERS(1), MUTUAL_FOLLOWING(2), FOLLOW_BACK(3), FOLLOWER_IDS(4), FOLLOWING_IDS(5);

    private final byte code;

    Kind(int code) {
      this.code = (byte) code;
    }
  }

  private QueryCursors() {}

  /** {@code partner} is the second user the query is about, if any (the viewer, or {@code with}). */
  public static String encode(Kind kind, UserId owner, Optional<UserId> partner, Position position) {
    ByteBuffer buffer = ByteBuffer.allocate(LENGTH)
        .put(VERSION)
        .put(kind.code)
        .putLong(owner.value())
        .putLong(partner.map(UserId::value).orElse(0L))
        .putLong(position.atMillis())
        .putLong(position.other().value());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /** The position to resume after, if a cursor was given; 400 on field {@code cursor} if malformed or foreign. */
  public static Optional<Position> decode(Optional<String> cursor, Kind kind, UserId owner,
                                          Optional<UserId> partner) {
    return cursor.map(text -> decode(text, kind, owner, partner));
  }

  private static Position decode(String cursor, Kind kind, UserId owner, Optional<UserId> partner) {
    ByteBuffer buffer = CursorBytes.open(cursor, VERSION, LENGTH);
    byte kindCode = buffer.get();
    long ownerId = buffer.getLong();
    long partnerId = buffer.getLong();
    long atMillis = buffer.getLong();
    long otherId = buffer.getLong();
    if (kindCode != kind.code || ownerId != owner.value() || partnerId != partner.map(UserId::value).orElse(0L)) {
      throw KithException.invalid(FIELD, "cursor belongs to a different list; start again without a cursor");
    }
    if (atMillis < 0 || otherId <= 0) {
      throw malformed();
    }
    return new Position(atMillis, UserId.of(otherId));
  }

  private static KithException malformed() {
    return CursorBytes.malformed();
  }
}
