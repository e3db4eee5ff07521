package io.kith.core.relation;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.util.Objects;

/** The follow verb: guard, then one atomic store write that is itself idempotent, then side effects. */
public final class Follow {
  private final KithStore store;
  private final Clock clock;
  private final RelationListener listener;

  public Follow(KithStore store, Clock clock, RelationListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public FollowOutcome execute(UserId actor, UserId target) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot follow yourself");
    }
    // Existence of both users and "already following" are checked inside the store's atomic write, so a
    // concurrent delete or duplicate request cannot slip between check and act.
    FollowOutcome outcome = store.follow(actor, target, clock.instant());
    if (outcome == FollowOutcome.CREATED) {
      listener.followed(actor, target);
    }
    return outcome;
  }
}
