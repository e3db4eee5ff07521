package io.kith.core.spi;

import io.kith.core.KithException;
import io.kith.core.UserId;
import java.time.Instant;
import java.util.List;

/**
 * The base of every backend: the relation verbs' argument rules, stated once. Nobody follows, blocks or mutes
 * themselves (bad input, refused before anything is read); unfollowing, unblocking, unmuting or answering a
 * request of oneself changes nothing. Backends implement the {@code ...Distinct} methods, which are called only
 * with two different users.
 */
public abstract class AbstractKithStore implements KithStore {

  @Override
  public final FollowOutcome follow(UserId follower, UserId followee, Instant at) {
    return follow(follower, followee, at, List.of());
  }

  @Override
  public final FollowOutcome follow(UserId follower, UserId followee, Instant at, List<WindowCharge> charges) {
    refuseSelf(follower, followee, "follow");
    return followDistinct(follower, followee, at, List.copyOf(charges));
  }

  @Override
  public final boolean unfollow(UserId follower, UserId followee) {
    return !follower.equals(followee) && unfollowDistinct(follower, followee);
  }

  @Override
  public final boolean acceptRequest(UserId owner, UserId requester, Instant at) {
    return !owner.equals(requester) && acceptRequestDistinct(owner, requester, at);
  }

  @Override
  public final boolean rejectRequest(UserId owner, UserId requester) {
    return !owner.equals(requester) && rejectRequestDistinct(owner, requester);
  }

  @Override
  public final boolean block(UserId blocker, UserId blocked, Instant at) {
    refuseSelf(blocker, blocked, "block");
    return blockDistinct(blocker, blocked, at);
  }

  @Override
  public final boolean unblock(UserId blocker, UserId blocked) {
    return !blocker.equals(blocked) && unblockDistinct(blocker, blocked);
  }

  @Override
  public final void mute(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    refuseSelf(muter, muted, "mute");
    muteDistinct(muter, muted, at, expiresAt);
  }

  @Override
  public final boolean unmute(UserId muter, UserId muted) {
    return !muter.equals(muted) && unmuteDistinct(muter, muted);
  }

  /** Applies {@code charges} only if the follow or the request is created, atomically with it if it can. */
  protected abstract FollowOutcome followDistinct(UserId follower, UserId followee, Instant at,
                                                  List<WindowCharge> charges);

  protected abstract boolean unfollowDistinct(UserId follower, UserId followee);

  protected abstract boolean acceptRequestDistinct(UserId owner, UserId requester, Instant at);

  protected abstract boolean rejectRequestDistinct(UserId owner, UserId requester);

  protected abstract boolean blockDistinct(UserId blocker, UserId blocked, Instant at);

  protected abstract boolean unblockDistinct(UserId blocker, UserId blocked);

  protected abstract void muteDistinct(UserId muter, UserId muted, Instant at, Instant expiresAt);

  protected abstract boolean unmuteDistinct(UserId muter, UserId muted);

  private static void refuseSelf(UserId user, UserId other, String verb) {
    if (user.equals(other)) {
      throw KithException.invalid("id", "a user cannot " + verb + " themselves");
    }
  }
}
