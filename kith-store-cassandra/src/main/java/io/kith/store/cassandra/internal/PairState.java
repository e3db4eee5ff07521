package io.kith.store.cassandra.internal;

import io.kith.core.UserId;
import java.util.Arrays;
import java.util.Objects;

/**
 * What relates two users, as held by their {@code pairs} row. The pair is unordered: {@code lo} is the smaller id.
 * Each relation has two directions, indexed {@link #LH} (lo towards hi) and {@link #HL}; a value is the millisecond
 * the relation began, or null when it does not hold. {@code muteUntil} is 0 for a mute without end.
 */
record PairState(UserId lo, UserId hi, Long[] follow, Long[] request, Long[] block, Long[] mute, Long[] muteUntil) {
  static final int LH = 0;
  static final int HL = 1;

  PairState {
    Objects.requireNonNull(lo, "lo");
    Objects.requireNonNull(hi, "hi");
    if (lo.value() >= hi.value()) {
      throw new IllegalArgumentException("pair: " + lo + ", " + hi + " (expected: lo < hi)");
    }
  }

  static PairState empty(UserId a, UserId b) {
    UserId lo = a.value() < b.value() ? a : b;
    UserId hi = a.value() < b.value() ? b : a;
    return new PairState(lo, hi, new Long[2], new Long[2], new Long[2], new Long[2], new Long[2]);
  }

  /** The direction from {@code from} to the other user of this pair. */
  int dir(UserId from) {
    return from.equals(lo) ? LH : HL;
  }

  UserId from(int dir) {
    return dir == LH ? lo : hi;
  }

  UserId to(int dir) {
    return dir == LH ? hi : lo;
  }

  PairState copy() {
    return new PairState(lo, hi, follow.clone(), request.clone(), block.clone(), mute.clone(), muteUntil.clone());
  }

  boolean blockedEitherWay() {
    return block[LH] != null || block[HL] != null;
  }

  boolean isEmpty() {
    return equals(empty(lo, hi));
  }

  /** A copy without any relation: what is left when one of the two users is deleted. */
  PairState cleared() {
    return empty(lo, hi);
  }

  /** The friendship, dated by the later of the two follows, or null when the follows are not mutual. */
  Long friendSince() {
    return follow[LH] != null && follow[HL] != null ? Math.max(follow[LH], follow[HL]) : null;
  }

  // ---- the text form kept in `pending` ----

  String encode() {
    StringBuilder text = new StringBuilder();
    int field = 0;
    for (Long[] slots : new Long[][] {follow, request, block, mute, muteUntil}) {
      for (Long value : slots) {
        if (field++ > 0) {
          text.append(',');
        }
        if (value != null) {
          text.append(value);
        }
      }
    }
    return text.toString();
  }

  static PairState decode(UserId lo, UserId hi, String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 10) {
      throw new IllegalArgumentException("pending state: " + text + " (expected: 10 fields)");
    }
    Long[][] slots = new Long[5][2];
    for (int i = 0; i < 10; i++) {
      slots[i / 2][i % 2] = parts[i].isEmpty() ? null : Long.parseLong(parts[i]);
    }
    return new PairState(lo, hi, slots[0], slots[1], slots[2], slots[3], slots[4]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PairState other && lo.equals(other.lo) && hi.equals(other.hi)
        && Arrays.equals(follow, other.follow) && Arrays.equals(request, other.request)
        && Arrays.equals(block, other.block) && Arrays.equals(mute, other.mute)
        && Arrays.equals(muteUntil, other.muteUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lo, hi, Arrays.hashCode(follow), Arrays.hashCode(request), Arrays.hashCode(block));
  }

  @Override
  public String toString() {
    return "PairState[" + lo + "," + hi + ": " + encode() + "]";
  }
}
