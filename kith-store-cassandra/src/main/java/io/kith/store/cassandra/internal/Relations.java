package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import io.kith.core.KithException;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relation verbs as transitions of one pair's state (the same rules as the RocksDB store's EdgeWriter), and the
 * point reads, each one single-row partition per other user, read concurrently.
 */
final class Relations {
  private final PairWriter pairs;

  Relations(PairWriter pairs) {
    this.pairs = pairs;
  }

  FollowOutcome follow(UserId follower, UserId followee, long at) {
    FollowOutcome[] outcome = new FollowOutcome[1];
    PairState settled = pairs.change(follower, followee, (state, users) -> {
      requireUsers(users, follower, followee);
      int dir = state.dir(follower);
      if (state.blockedEitherWay()) {
        throw CassandraStore.blocked();
      }
      if (state.follow()[dir] != null) {
        outcome[0] = FollowOutcome.ALREADY_FOLLOWING;
        return state;
      }
      PairState next = state.copy();
      if (users.get(followee).isPrivate()) {
        if (state.request()[dir] != null) {
          outcome[0] = FollowOutcome.ALREADY_REQUESTED;
          return state;
        }
        next.request()[dir] = at;
        outcome[0] = FollowOutcome.REQUESTED;
        return next;
      }
      // A request left from before the account went public is replaced: the two never coexist.
      next.request()[dir] = null;
      next.follow()[dir] = at;
      outcome[0] = FollowOutcome.CREATED;
      return next;
    });
    int dir = settled.dir(follower);
    if (settled.follow()[dir] == null && settled.request()[dir] == null) {
      // Gone already: a later unfollow (the follow still happened), or a deletion that raced it and cleared the pair.
      Map<UserId, User> users = pairs.readUsers(follower, followee);
      requireUsers(users, follower, followee);
    }
    return outcome[0];
  }

  boolean unfollow(UserId follower, UserId followee) {
    boolean[] changed = new boolean[1];
    pairs.change(follower, followee, (state, users) -> {
      int dir = state.dir(follower);
      changed[0] = state.follow()[dir] != null || state.request()[dir] != null;
      PairState next = state.copy();
      next.follow()[dir] = null;
      next.request()[dir] = null;
      return next;
    });
    return changed[0];
  }

  boolean accept(UserId owner, UserId requester, long at) {
    boolean[] changed = new boolean[1];
    pairs.change(owner, requester, (state, users) -> {
      int dir = state.dir(requester);
      changed[0] = state.request()[dir] != null;
      if (!changed[0]) {
        return state;
      }
      PairState next = state.copy();
      next.request()[dir] = null;
      if (users.get(owner) != null && users.get(requester) != null && state.follow()[dir] == null
          && !state.blockedEitherWay()) {
        next.follow()[dir] = at;
      }
      return next;
    });
    return changed[0];
  }

  boolean reject(UserId owner, UserId requester) {
    boolean[] changed = new boolean[1];
    pairs.change(owner, requester, (state, users) -> {
      int dir = state.dir(requester);
      changed[0] = state.request()[dir] != null;
      PairState next = state.copy();
      next.request()[dir] = null;
      return next;
    });
    return changed[0];
  }

  boolean block(UserId blocker, UserId blocked, long at) {
    boolean[] changed = new boolean[1];
    pairs.change(blocker, blocked, (state, users) -> {
      requireUsers(users, blocker, blocked);
      int dir = state.dir(blocker);
      changed[0] = state.block()[dir] == null;
      if (!changed[0]) {
        return state;
      }
      // Sever every tie in the same change: both follows (and so any friendship) and both requests.
      PairState next = state.copy();
      next.block()[dir] = at;
      next.follow()[0] = null;
      next.follow()[1] = null;
      next.request()[0] = null;
      next.request()[1] = null;
      return next;
    });
    return changed[0];
  }

  boolean unblock(UserId blocker, UserId blocked) {
    boolean[] changed = new boolean[1];
    pairs.change(blocker, blocked, (state, users) -> {
      int dir = state.dir(blocker);
      changed[0] = state.block()[dir] != null;
      PairState next = state.copy();
      next.block()[dir] = null;
      return next;
    });
    return changed[0];
  }

  void mute(UserId muter, UserId muted, long at, long untilMillis) {
    pairs.change(muter, muted, (state, users) -> {
      requireUsers(users, muter, muted);
      int dir = state.dir(muter);
      PairState next = state.copy();
      next.mute()[dir] = at;
      next.muteUntil()[dir] = untilMillis;
      return next;
    });
  }

  boolean unmute(UserId muter, UserId muted) {
    boolean[] changed = new boolean[1];
    pairs.change(muter, muted, (state, users) -> {
      int dir = state.dir(muter);
      changed[0] = state.mute()[dir] != null;
      PairState next = state.copy();
      next.mute()[dir] = null;
      next.muteUntil()[dir] = null;
      return next;
    });
    return changed[0];
  }

  List<Relationship> relationships(UserId viewer, List<UserId> others, long nowMillis) {
    List<PairState> states = read(viewer, others);
    List<Relationship> relationships = new ArrayList<>(others.size());
    for (int i = 0; i < others.size(); i++) {
      UserId other = others.get(i);
      PairState state = states.get(i);
      if (state == null) {
        relationships.add(Relationship.follows(other, false, false));
        continue;
      }
      int out = state.dir(viewer);
      int in = 1 - out;
      Long until = state.muteUntil()[out];
      boolean muting = state.mute()[out] != null && (until == null || until == 0 || until > nowMillis);
      relationships.add(new Relationship(other, state.follow()[out] != null, state.follow()[in] != null,
          state.request()[out] != null, state.request()[in] != null, state.block()[out] != null,
          state.block()[in] != null, muting, muting && until != null && until != 0 ? Instant.ofEpochMilli(until)
          : null));
    }
    return relationships;
  }

  List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    List<Instant> times = new ArrayList<>(followers.size());
    for (int i = 0; i < followers.size(); i++) {
      UserId follower = followers.get(i);
      PairState state = followers.get(i).equals(followees.get(i)) ? null
          : read(follower, List.of(followees.get(i))).getFirst();
      Long at = state == null ? null : state.follow()[state.dir(follower)];
      times.add(at == null ? null : Instant.ofEpochMilli(at));
    }
    return times;
  }

  Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others) {
    List<PairState> states = read(viewer, others);
    Set<UserId> blocked = new HashSet<>();
    for (int i = 0; i < others.size(); i++) {
      if (states.get(i) != null && states.get(i).blockedEitherWay()) {
        blocked.add(others.get(i));
      }
    }
    return blocked;
  }

  /** The pair rows of viewer with each of others (null where none, or where other is the viewer). */
  private List<PairState> read(UserId viewer, List<UserId> others) {
    List<BoundStatement> reads = new ArrayList<>(others.size());
    List<Integer> positions = new ArrayList<>(others.size());
    for (int i = 0; i < others.size(); i++) {
      if (!others.get(i).equals(viewer)) {
        PairState empty = PairState.empty(viewer, others.get(i));
        reads.add(pairs.cql().bind("SELECT " + PairRows.COLUMNS + " FROM $.pairs WHERE lo = ? AND hi = ?",
            empty.lo().value(), empty.hi().value()));
        positions.add(i);
      }
    }
    List<PairState> found = new ArrayList<>(java.util.Collections.nCopies(others.size(), (PairState) null));
    List<PairState> states = pairs.cql().parallelIndexed(reads, (index, row) -> {
      PairState empty = PairState.empty(viewer, others.get(positions.get(index)));
      return PairRows.of(empty.lo(), empty.hi(), row).state();
    });
    for (int i = 0; i < positions.size(); i++) {
      found.set(positions.get(i), states.get(i));
    }
    return found;
  }

  private static void requireUsers(Map<UserId, User> users, UserId a, UserId b) {
    if (users.get(a) == null) {
      throw KithException.notFound("no user with id " + a);
    }
    if (users.get(b) == null) {
      throw KithException.notFound("no user with id " + b);
    }
  }
}
