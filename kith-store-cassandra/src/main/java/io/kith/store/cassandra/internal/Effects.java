package io.kith.store.cassandra.internal;

import io.kith.core.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes a change of one pair implies, derived from the states before and after: list entries to put and to
 * delete on both sides, and count deltas per user. Derived, never stored, so a repair recomputes exactly the same.
 */
record Effects(List<Entry> puts, List<Entry> deletes, Map<UserId, long[]> deltas) {
  /** One list entry: {@code owner}'s list {@code kind} holds {@code other} from {@code at}. */
  record Entry(ListKind kind, UserId owner, long at, UserId other) {}

  static final int FOLLOWERS = 0;
  static final int FOLLOWING = 1;
  static final int FRIENDS = 2;
  /** The requester's count of its pending outgoing requests (the follow cap counts them). */
  static final int REQUESTS_OUT = 3;

  static Effects between(PairState before, PairState after) {
    Effects effects = new Effects(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>());
    for (int dir : new int[] {PairState.LH, PairState.HL}) {
      UserId from = after.from(dir);
      UserId to = after.to(dir);
      if (effects.change(ListKind.FOLLOWING, ListKind.FOLLOWERS, from, to, before.follow()[dir],
          after.follow()[dir])) {
        effects.count(from, FOLLOWING, before.follow()[dir], after.follow()[dir]);
        effects.count(to, FOLLOWERS, before.follow()[dir], after.follow()[dir]);
      }
      if (effects.change(ListKind.REQUESTS_OUT, ListKind.REQUESTS_IN, from, to, before.request()[dir],
          after.request()[dir])) {
        effects.count(from, REQUESTS_OUT, before.request()[dir], after.request()[dir]);
      }
      effects.change(ListKind.BLOCKING, ListKind.BLOCKED_BY, from, to, before.block()[dir], after.block()[dir]);
      effects.change(ListKind.MUTING, ListKind.MUTED_BY, from, to, before.mute()[dir], after.mute()[dir]);
    }
    Long friendsBefore = before.friendSince();
    Long friendsAfter = after.friendSince();
    if (effects.change(ListKind.FRIENDS, ListKind.FRIENDS, after.lo(), after.hi(), friendsBefore, friendsAfter)) {
      effects.count(after.lo(), FRIENDS, friendsBefore, friendsAfter);
      effects.count(after.hi(), FRIENDS, friendsBefore, friendsAfter);
    }
    effects.deltas.values().removeIf(d -> d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == 0);
    return effects;
  }

  boolean isEmpty() {
    return puts.isEmpty() && deletes.isEmpty() && deltas.isEmpty();
  }

  /** Entries for a relation from -> to that went from {@code was} to {@code now}; whether it changed at all. */
  private boolean change(ListKind fromList, ListKind toList, UserId from, UserId to, Long was, Long now) {
    if (java.util.Objects.equals(was, now)) {
      return false;
    }
    if (was != null) {
      deletes.add(new Entry(fromList, from, was, to));
      deletes.add(new Entry(toList, to, was, from));
    }
    if (now != null) {
      puts.add(new Entry(fromList, from, now, to));
      puts.add(new Entry(toList, to, now, from));
    }
    return true;
  }

  private void count(UserId user, int kind, Long was, Long now) {
    long delta = (now != null ? 1 : 0) - (was != null ? 1 : 0);
    deltas.computeIfAbsent(user, u -> new long[4])[kind] += delta;
  }
}
