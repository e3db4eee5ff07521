package io.kith.core.relation.pair;

import io.kith.core.UserId;
import java.time.Instant;

/**
 * Pair states written as two short strings, one per direction: {@code f} follow, {@code r} request, {@code b}
 * block, {@code m} mute (without end), {@code -} nothing. Each relation gets its own time, so effects can be checked
 * to the millisecond: a -> b's at {@code 1..4} seconds, b -> a's at {@code 11..14}.
 */
final class Shapes {
  static final UserId A = UserId.of(1001);
  static final UserId B = UserId.of(2002);
  /** The time every command of the tables runs at. */
  static final Instant NOW = Instant.ofEpochSecond(100);

  private Shapes() {}

  static PairState state(String ab, String ba) {
    return PairState.of(A, oneWay(ab, 0), B, oneWay(ba, 10));
  }

  static OneWay oneWay(String flags, int offset) {
    OneWay ties = OneWay.NONE;
    if (flags.contains("f")) {
      ties = ties.withFollow(time(offset + 1));
    }
    if (flags.contains("r")) {
      ties = ties.withRequest(time(offset + 2));
    }
    if (flags.contains("b")) {
      ties = ties.withBlock(time(offset + 3));
    }
    if (flags.contains("m")) {
      ties = ties.withMute(time(offset + 4), null);
    }
    return ties;
  }

  /** The flags of {@code ties}, times dropped. */
  static String flags(OneWay ties) {
    String flags = (ties.follows() ? "f" : "") + (ties.requests() ? "r" : "") + (ties.blocks() ? "b" : "")
        + (ties.mutes() ? "m" : "");
    return flags.isEmpty() ? "-" : flags;
  }

  static Instant time(int seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  /** Accounts of a and b, {@code privateOnes} naming the private ones ("a", "b", "ab" or "-"). */
  static Accounts accounts(String privateOnes) {
    return new Accounts(A, privateOnes.contains("a") ? Account.PRIVATE : Account.PUBLIC,
        B, privateOnes.contains("b") ? Account.PRIVATE : Account.PUBLIC);
  }

  static UserId user(String name) {
    return switch (name) {
      case "a" -> A;
      case "b" -> B;
      default -> throw new IllegalArgumentException("user: " + name + " (expected: a or b)");
    };
  }
}
