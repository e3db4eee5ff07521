package io.kith.core.relation.pair;

import io.kith.core.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a change of one pair does to the per-user lists and counts: the entries it removes and adds, and the count
 * deltas. Derived from the states before and after alone, so a store that applies a change again (a retry, a
 * repair of a change a dead node left unfinished) derives exactly the same writes.
 *
 * <p>Each direction's follow is an entry in the follower's {@code following} and the followee's {@code followers};
 * a request in {@code requests_out} and {@code requests_in}; a block in {@code blocking} and {@code blocked_by}; a
 * mute in {@code muting} and {@code muted_by}; each dated by when the relation began. Two follows make a friendship,
 * an entry in both users' {@code friends} dated by the later follow. A relation whose start time changes (a mute
 * made again) moves its entries; a mute's expiry is no part of any entry.
 */
public record Effects(List<ListEntry> removed, List<ListEntry> added, List<CountDelta> counts) {
  public static final Effects NONE = new Effects(List.of(), List.of(), List.of());

  public Effects {
    removed = List.copyOf(removed);
    added = List.copyOf(added);
    counts = List.copyOf(counts);
  }

  public static Effects between(PairState before, PairState after) {
    if (!before.lo().equals(after.lo()) || !before.hi().equals(after.hi())) {
      throw new IllegalArgumentException("pairs: " + before + ", " + after + " (expected: the same two users)");
    }
    if (before.equals(after)) {
      return NONE;
    }
    Builder effects = new Builder();
    for (UserId from : List.of(after.lo(), after.hi())) {
      UserId to = after.other(from);
      OneWay was = before.from(from);
      OneWay now = after.from(from);
      effects.relation(RelationList.FOLLOWING, RelationList.FOLLOWERS, from, to, was.followedAt(), now.followedAt(),
          Counter.FOLLOWING, Counter.FOLLOWERS);
      effects.relation(RelationList.REQUESTS_OUT, RelationList.REQUESTS_IN, from, to, was.requestedAt(),
          now.requestedAt(), Counter.REQUESTS_OUT, Counter.REQUESTS_IN);
      effects.relation(RelationList.BLOCKING, RelationList.BLOCKED_BY, from, to, was.blockedAt(), now.blockedAt(),
          null, null);
      effects.relation(RelationList.MUTING, RelationList.MUTED_BY, from, to, was.mutedAt(), now.mutedAt(), null,
          null);
    }
    effects.relation(RelationList.FRIENDS, RelationList.FRIENDS, after.lo(), after.hi(), before.friendsSince(),
        after.friendsSince(), Counter.FRIENDS, Counter.FRIENDS);
    return effects.build();
  }

  public boolean isEmpty() {
    return removed.isEmpty() && added.isEmpty() && counts.isEmpty();
  }

  private static final class Builder {
    private final List<ListEntry> removed = new ArrayList<>();
    private final List<ListEntry> added = new ArrayList<>();
    private final List<CountDelta> counts = new ArrayList<>();

    /**
     * One relation from -> to that began at {@code was} and now at {@code now} (null: absent): its entries in
     * from's {@code fromList} and to's {@code toList}, and its counts, if it has any.
     */
    void relation(RelationList fromList, RelationList toList, UserId from, UserId to, Instant was, Instant now,
                  Counter fromCounter, Counter toCounter) {
      if (Objects.equals(was, now)) {
        return;
      }
      if (was != null) {
        removed.add(new ListEntry(fromList, from, to, was));
        removed.add(new ListEntry(toList, to, from, was));
      }
      if (now != null) {
        added.add(new ListEntry(fromList, from, to, now));
        added.add(new ListEntry(toList, to, from, now));
      }
      long delta = (now != null ? 1 : 0) - (was != null ? 1 : 0);
      if (delta != 0 && fromCounter != null) {
        counts.add(new CountDelta(from, fromCounter, delta));
        counts.add(new CountDelta(to, toCounter, delta));
      }
    }

    Effects build() {
      return new Effects(removed, added, counts);
    }
  }
}
