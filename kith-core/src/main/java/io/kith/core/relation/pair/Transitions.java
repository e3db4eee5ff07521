package io.kith.core.relation.pair;

import static io.kith.core.relation.pair.Outcome.ALREADY_FOLLOWING;
import static io.kith.core.relation.pair.Outcome.ALREADY_REQUESTED;
import static io.kith.core.relation.pair.Outcome.CHANGED;
import static io.kith.core.relation.pair.Outcome.FOLLOWED;
import static io.kith.core.relation.pair.Outcome.REQUESTED;
import static io.kith.core.relation.pair.Outcome.UNCHANGED;

import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.event.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The relation rules: one transition per {@link Verb}, from a pair's state and its two accounts to the {@link Change}
 * it makes. Pure functions: no store, no clock, no I/O. A refusal is a {@link KithException} ({@code not_found}
 * when a user a verb would relate does not exist, {@code blocked} for a follow across a block); a verb with nothing
 * to do is an {@link Outcome#UNCHANGED} change with no effects and no events.
 *
 * <p>Account deletion ({@link #deleteAccount}) and a private account going public ({@link #settle}, which accepts
 * each pending request) are compositions of the same transitions.
 */
public final class Transitions {
  private Transitions() {}

  /** The change {@code command} makes to {@code state}, the pair of its actor and subject. */
  public static Change apply(PairCommand command, PairState state, Accounts accounts) {
    UserId actor = command.actor();
    UserId subject = command.subject();
    if (!state.contains(actor) || !state.contains(subject)) {
      throw new IllegalArgumentException("state: " + state + " (expected: the pair of " + actor + ", " + subject + ")");
    }
    return switch (command.verb()) {
      case FOLLOW -> follow(state, accounts, actor, subject, command.at());
      case UNFOLLOW -> unfollow(state, actor, subject);
      case ACCEPT -> accept(state, accounts, actor, subject, command.at());
      case REJECT -> reject(state, actor, subject);
      case WITHDRAW -> withdraw(state, actor, subject);
      case REMOVE_FOLLOWER -> removeFollower(state, actor, subject);
      case BLOCK -> block(state, accounts, actor, subject, command.at());
      case UNBLOCK -> unblock(state, actor, subject);
      case MUTE -> mute(state, accounts, actor, subject, command.at(), command.muteExpiresAt());
      case UNMUTE -> unmute(state, actor, subject);
    };
  }

  /**
   * {@code follower} follows {@code followee} from {@code at}, or {@link #request asks to} if {@code followee} is
   * private. Both must exist, and no block may stand between them.
   */
  public static Change follow(PairState state, Accounts accounts, UserId follower, UserId followee, Instant at) {
    refuseFollowing(state, accounts, follower, followee);
    OneWay out = state.from(follower);
    if (out.follows()) {
      return Change.none(state, ALREADY_FOLLOWING);
    }
    if (accounts.of(followee) == Account.PRIVATE) {
      return request(state, accounts, follower, followee, at);
    }
    // A request left from before the account went public (its approval may still be running) is replaced: a
    // request and a follow never coexist.
    return Change.of(state, state.with(follower, out.withFollow(at).withRequest(null)), FOLLOWED,
        new PairEvent(EventType.FOLLOW, follower, followee));
  }

  /** The follow of a private account: {@code requester} asks to follow {@code target} and waits for its answer. */
  public static Change request(PairState state, Accounts accounts, UserId requester, UserId target, Instant at) {
    refuseFollowing(state, accounts, requester, target);
    OneWay out = state.from(requester);
    if (out.follows()) {
      return Change.none(state, ALREADY_FOLLOWING);
    }
    if (out.requests()) {
      return Change.none(state, ALREADY_REQUESTED);
    }
    return Change.of(state, state.with(requester, out.withRequest(at)), REQUESTED,
        new PairEvent(EventType.FOLLOW_REQUESTED, requester, target));
  }

  /** {@code follower} stops following {@code followee}, and withdraws a pending request to it. */
  public static Change unfollow(PairState state, UserId follower, UserId followee) {
    OneWay out = state.from(follower);
    Change unfollowed = !out.follows() ? Change.none(state, UNCHANGED)
        : Change.of(state, state.with(follower, out.withFollow(null)), CHANGED,
            new PairEvent(EventType.UNFOLLOW, follower, followee));
    return unfollowed.then(withdraw(unfollowed.after(), follower, followee));
  }

  /** {@code requester} takes back its pending request to {@code target}. */
  public static Change withdraw(PairState state, UserId requester, UserId target) {
    OneWay out = state.from(requester);
    if (!out.requests()) {
      return Change.none(state, UNCHANGED);
    }
    return Change.of(state, state.with(requester, out.withRequest(null)), CHANGED,
        new PairEvent(EventType.FOLLOW_REQUEST_WITHDRAWN, requester, target));
  }

  /**
   * {@code owner} approves {@code requester}'s pending request, which becomes a follow from {@code at}. The request
   * goes in any case; the follow is made only if both users exist, no block stands between them and the requester
   * does not follow already.
   */
  public static Change accept(PairState state, Accounts accounts, UserId owner, UserId requester, Instant at) {
    OneWay in = state.from(requester);
    if (!in.requests()) {
      return Change.none(state, UNCHANGED);
    }
    boolean follows = accounts.of(owner).exists() && accounts.of(requester).exists() && !in.follows()
        && !state.blockedEitherWay();
    OneWay next = follows ? in.withRequest(null).withFollow(at) : in.withRequest(null);
    PairState after = state.with(requester, next);
    return follows
        ? Change.of(state, after, CHANGED, new PairEvent(EventType.FOLLOW_REQUEST_ACCEPTED, owner, requester))
        : Change.of(state, after, CHANGED);
  }

  /** {@code owner} turns down {@code requester}'s pending request. */
  public static Change reject(PairState state, UserId owner, UserId requester) {
    OneWay in = state.from(requester);
    if (!in.requests()) {
      return Change.none(state, UNCHANGED);
    }
    return Change.of(state, state.with(requester, in.withRequest(null)), CHANGED,
        new PairEvent(EventType.FOLLOW_REQUEST_REJECTED, owner, requester));
  }

  /** {@code owner} removes {@code follower}'s follow of it, and turns down a pending request of {@code follower}. */
  public static Change removeFollower(PairState state, UserId owner, UserId follower) {
    OneWay in = state.from(follower);
    Change removed = !in.follows() ? Change.none(state, UNCHANGED)
        : Change.of(state, state.with(follower, in.withFollow(null)), CHANGED,
            new PairEvent(EventType.FOLLOWER_REMOVED, owner, follower));
    return removed.then(reject(removed.after(), owner, follower));
  }

  /**
   * {@code blocker} blocks {@code blocked} from {@code at}: in the same change both follows (and so a friendship)
   * and both pending requests between them go. Both must exist.
   */
  public static Change block(PairState state, Accounts accounts, UserId blocker, UserId blocked, Instant at) {
    accounts.requireBoth(blocker, blocked);
    OneWay out = state.from(blocker);
    if (out.blocks()) {
      return Change.none(state, UNCHANGED);
    }
    OneWay in = state.from(blocked);
    PairState after = PairState.of(blocker, out.withBlock(at).withFollow(null).withRequest(null),
        blocked, in.withFollow(null).withRequest(null));
    return Change.of(state, after, CHANGED, new PairEvent(EventType.BLOCK, blocker, blocked));
  }

  public static Change unblock(PairState state, UserId blocker, UserId blocked) {
    OneWay out = state.from(blocker);
    if (!out.blocks()) {
      return Change.none(state, UNCHANGED);
    }
    return Change.of(state, state.with(blocker, out.withBlock(null)), CHANGED,
        new PairEvent(EventType.UNBLOCK, blocker, blocked));
  }

  /**
   * {@code muter} mutes {@code muted} from {@code at} until {@code expiresAt} (null: without end), replacing a mute
   * already there; the same mute again changes nothing. Both must exist.
   */
  public static Change mute(PairState state, Accounts accounts, UserId muter, UserId muted, Instant at,
                            Instant expiresAt) {
    accounts.requireBoth(muter, muted);
    PairState after = state.with(muter, state.from(muter).withMute(at, expiresAt));
    if (after.equals(state)) {
      return Change.none(state, UNCHANGED);
    }
    return Change.of(state, after, CHANGED, new PairEvent(EventType.MUTE, muter, muted));
  }

  public static Change unmute(PairState state, UserId muter, UserId muted) {
    OneWay out = state.from(muter);
    if (!out.mutes()) {
      return Change.none(state, UNCHANGED);
    }
    return Change.of(state, state.with(muter, out.withMute(null, null)), CHANGED,
        new PairEvent(EventType.UNMUTE, muter, muted));
  }

  /**
   * The pair of a deleted account, severed: {@code deleted} unfollows the other, removes it as a follower (both
   * requests with them), and every block and mute between the two goes. No events: the account's deletion event
   * stands for all of them.
   */
  public static Change deleteAccount(PairState state, UserId deleted) {
    UserId other = state.other(deleted);
    Change severed = unfollow(state, deleted, other);
    severed = severed.then(removeFollower(severed.after(), deleted, other));
    severed = severed.then(unblock(severed.after(), deleted, other));
    severed = severed.then(unblock(severed.after(), other, deleted));
    severed = severed.then(unmute(severed.after(), deleted, other));
    severed = severed.then(unmute(severed.after(), other, deleted));
    return severed.withoutEvents();
  }

  /**
   * The change a pair needs to agree with its accounts, made at {@code at}: severed if either account was deleted,
   * and each request to an account that is public now accepted by its owner. For a store that finishes deletions and
   * private-to-public switches pair by pair, whenever it touches a pair (Cassandra).
   */
  public static Change settle(PairState state, Accounts accounts, Instant at) {
    Change settled = Change.none(state, UNCHANGED);
    for (UserId user : List.of(state.lo(), state.hi())) {
      if (!accounts.of(user).exists()) {
        settled = settled.then(deleteAccount(settled.after(), user));
      }
    }
    for (UserId requester : List.of(state.lo(), state.hi())) {
      UserId owner = state.other(requester);
      if (settled.after().from(requester).requests() && accounts.of(owner) == Account.PUBLIC) {
        settled = settled.then(accept(settled.after(), accounts, owner, requester, at));
      }
    }
    return settled;
  }

  private static void refuseFollowing(PairState state, Accounts accounts, UserId follower, UserId followee) {
    accounts.requireBoth(follower, followee);
    if (state.blockedEitherWay()) {
      throw KithException.of(ErrorCode.BLOCKED, "a block between these users forbids following");
    }
  }
}
