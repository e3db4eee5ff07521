package io.kith.core.relation;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.util.Objects;

/** The owner removes someone's follow of them (a "soft block"): idempotent. */
public final class RemoveFollower {
  private final KithStore store;
  private final RelationListener listener;

  public RemoveFollower(KithStore store, RelationListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public boolean execute(UserId owner, UserId follower) {
    if (owner.equals(follower)) {
      throw KithException.invalid("id", "you cannot remove yourself as a follower");
    }
    boolean removed = store.unfollow(follower, owner);
    if (removed) {
      listener.unfollowed(follower, owner);
    }
    return removed;
  }
}
