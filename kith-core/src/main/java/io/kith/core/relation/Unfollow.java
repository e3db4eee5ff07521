package io.kith.core.relation;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.util.Objects;

/** The unfollow verb, which also cancels a pending follow request: idempotent. */
public final class Unfollow {
  private final KithStore store;
  private final RelationListener listener;

  public Unfollow(KithStore store, RelationListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Returns whether a follow or a request was removed. */
  public boolean execute(UserId actor, UserId target) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot unfollow yourself");
    }
    boolean removed = store.unfollow(actor, target);
    if (removed) {
      listener.unfollowed(actor, target);
    }
    return removed;
  }
}
