package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import io.kith.core.KithException;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.relation.pair.OneWay;
import io.kith.core.relation.pair.Outcome;
import io.kith.core.relation.pair.PairCommand;
import io.kith.core.relation.pair.PairState;
import io.kith.core.relation.pair.Transitions;
import io.kith.core.relation.pair.Verb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relation verbs, each applied to its pair as kith-core's {@link Transitions} decide it ({@link PairWriter}
 * makes the change), and the point reads, each one single-row partition per other user, read concurrently.
 */
final class Relations {
  private final PairWriter pairs;

  Relations(PairWriter pairs) {
    this.pairs = pairs;
  }

  /** Applies {@code command} to its pair; the verb's outcome. */
  Outcome apply(PairCommand command) {
    PairWriter.Applied applied = pairs.change(command.actor(), command.subject(),
        (state, accounts) -> Transitions.apply(command, state, accounts));
    if (command.verb() == Verb.FOLLOW) {
      OneWay out = applied.settled().from(command.actor());
      if (!out.follows() && !out.requests()) {
        // Gone already: a later unfollow (the follow still happened), or a deletion that raced it and cleared the
        // pair, which makes this follow one of a user that does not exist.
        requireUsers(pairs.readUsers(command.actor(), command.subject()), command.actor(), command.subject());
      }
    }
    return applied.decided().outcome();
  }

  List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now) {
    List<PairState> states = read(viewer, others);
    List<Relationship> relationships = new ArrayList<>(others.size());
    for (int i = 0; i < others.size(); i++) {
      PairState state = states.get(i);
      relationships.add(state == null ? Relationship.follows(others.get(i), false, false)
          : state.relationship(viewer, now));
    }
    return relationships;
  }

  List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    List<Instant> times = new ArrayList<>(followers.size());
    for (int i = 0; i < followers.size(); i++) {
      UserId follower = followers.get(i);
      PairState state = followers.get(i).equals(followees.get(i)) ? null
          : read(follower, List.of(followees.get(i))).getFirst();
      times.add(state == null ? null : state.from(follower).followedAt());
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
