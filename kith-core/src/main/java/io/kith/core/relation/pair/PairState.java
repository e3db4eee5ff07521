package io.kith.core.relation.pair;

import io.kith.core.Relationship;
import io.kith.core.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that relates two users: what each has towards the other. The pair is unordered: {@code lo} is the
 * smaller id, {@code loToHi} what lo has towards hi and {@code hiToLo} the reverse, so both stores and every verb
 * see one pair as one value, whichever user acts.
 *
 * <p>The transitions keep it consistent: a follow and a request of the same direction never coexist, and a block in
 * either direction leaves no follow and no request in either.
 */
public record PairState(UserId lo, UserId hi, OneWay loToHi, OneWay hiToLo) {
  public PairState {
    Objects.requireNonNull(lo, "lo");
    Objects.requireNonNull(hi, "hi");
    Objects.requireNonNull(loToHi, "loToHi");
    Objects.requireNonNull(hiToLo, "hiToLo");
    if (lo.value() >= hi.value()) {
      throw new IllegalArgumentException("pair: " + lo + ", " + hi + " (expected: lo < hi)");
    }
  }

  /** Nothing between {@code a} and {@code b}, in either order. */
  public static PairState empty(UserId a, UserId b) {
    return of(a, OneWay.NONE, b, OneWay.NONE);
  }

  /** The pair where {@code a} has {@code aToB} towards {@code b} and {@code b} has {@code bToA} towards {@code a}. */
  public static PairState of(UserId a, OneWay aToB, UserId b, OneWay bToA) {
    return a.value() < b.value() ? new PairState(a, b, aToB, bToA) : new PairState(b, a, bToA, aToB);
  }

  /** What {@code from}, one of the two, has towards the other. */
  public OneWay from(UserId from) {
    return requireMember(from).equals(lo) ? loToHi : hiToLo;
  }

  /** The other user of the pair. */
  public UserId other(UserId one) {
    return requireMember(one).equals(lo) ? hi : lo;
  }

  /** This pair with what {@code from} has towards the other replaced by {@code ties}. */
  public PairState with(UserId from, OneWay ties) {
    return requireMember(from).equals(lo) ? new PairState(lo, hi, ties, hiToLo) : new PairState(lo, hi, loToHi, ties);
  }

  public boolean contains(UserId user) {
    return user.equals(lo) || user.equals(hi);
  }

  public boolean isEmpty() {
    return loToHi.equals(OneWay.NONE) && hiToLo.equals(OneWay.NONE);
  }

  public boolean blockedEitherWay() {
    return loToHi.blocks() || hiToLo.blocks();
  }

  /** When the two became friends (the later of the two follows), or null unless they follow each other. */
  public Instant friendsSince() {
    if (!loToHi.follows() || !hiToLo.follows()) {
      return null;
    }
    return loToHi.followedAt().isAfter(hiToLo.followedAt()) ? loToHi.followedAt() : hiToLo.followedAt();
  }

  /** How {@code viewer}, one of the two, stands with the other at {@code now}. */
  public Relationship relationship(UserId viewer, Instant now) {
    OneWay out = from(viewer);
    OneWay in = from(other(viewer));
    boolean muting = out.mutesAt(now);
    return new Relationship(other(viewer), out.follows(), in.follows(), out.requests(), in.requests(), out.blocks(),
        in.blocks(), muting, muting ? out.muteExpiresAt() : null);
  }

  private UserId requireMember(UserId user) {
    if (!contains(user)) {
      throw new IllegalArgumentException("user: " + user + " (expected: " + lo + " or " + hi + ")");
    }
    return user;
  }
}
