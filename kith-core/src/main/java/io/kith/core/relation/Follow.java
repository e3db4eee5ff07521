package io.kith.core.relation;

import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.limit.RateLimitStatus;
import io.kith.core.limit.RateLimiter;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The follow verb (a follow request when the target is private): guard, idempotent re-call, limits, one atomic
 * store write, side effects.
 */
public final class Follow {
  private final KithStore store;
  private final Clock clock;
  private final RelationLimits limits;
  private final RateLimiter rateLimiter;
  private final RelationListener listener;

  public Follow(KithStore store, Clock clock, RelationLimits limits, RateLimiter rateLimiter,
                RelationListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public FollowOutcome execute(UserId actor, UserId target) {
    return execute(actor, target, status -> { });
  }

  /**
   * As {@link #execute(UserId, UserId)}, telling {@code rateStatus} where the actor stands under its closest follow
   * rate limit once this follow is counted; told nothing when the follow does not count (a repeat, or refused
   * before the limits or by the store's write, which counts only a follow or request it creates).
   */
  public FollowOutcome execute(UserId actor, UserId target, Consumer<RateLimitStatus> rateStatus) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot follow yourself");
    }
    Instant now = clock.instant();
    Relationship relationship = store.relationships(actor, List.of(target), now).getFirst();
    // A blocker's account must look absent to the users it blocks.
    if (relationship.blockedBy() || store.existingUsers(List.of(target)).isEmpty()) {
      throw KithException.notFound("no user with id " + target);
    }
    if (relationship.blocking()) {
      throw KithException.of(ErrorCode.BLOCKED, "you block this user: unblock them to follow");
    }
    // Repeating a follow is free: it must not count against the limits below.
    if (relationship.following()) {
      return FollowOutcome.ALREADY_FOLLOWING;
    }
    if (relationship.requested()) {
      return FollowOutcome.ALREADY_REQUESTED;
    }
    refuseBeyondCap(actor);
    RateLimiter.Charge charge =
        rateLimiter.charge(actor.toString(), limits.followsPerDay(), limits.followsPerMinute());
    // The store re-checks existence, blocks and "already" inside its atomic write: the checks above can race. It
    // counts the follow against the rate windows in that same write (one durable write per follow), and only if
    // the follow or request was created.
    FollowOutcome outcome = store.follow(actor, target, now, charge.windows());
    if (outcome == FollowOutcome.CREATED || outcome == FollowOutcome.REQUESTED) {
      rateStatus.accept(charge.status());
    }
    switch (outcome) {
      case CREATED -> listener.followed(actor, target);
      case REQUESTED -> listener.requested(actor, target);
      default -> { }
    }
    return outcome;
  }

  /**
   * The cap counts pending requests with the follows: each may become a follow without the requester doing
   * anything (the owner accepts, or goes public and so approves them all), and those owner actions are never
   * refused. Counted here, the cap holds however a follow comes to be.
   */
  private void refuseBeyondCap(UserId actor) {
    long following = store.counts(actor).following();
    if (following >= limits.maxFollowing()) {
      throw KithException.of(ErrorCode.LIMIT_REACHED,
          "you follow " + following + " accounts, the most allowed is " + limits.maxFollowing()
              + ": unfollow some first");
    }
    long requested = store.outgoingRequests(actor);
    if (following + requested >= limits.maxFollowing()) {
      throw KithException.of(ErrorCode.LIMIT_REACHED,
          "you follow " + following + " accounts and have " + requested + " follow requests pending; the most"
              + " allowed together is " + limits.maxFollowing() + ": withdraw a request or unfollow some first");
    }
  }
}
