package io.kith.core.relation;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Block and unblock: a block severs every tie between the two in one atomic write. Both idempotent. */
public final class Block {
  private final KithStore store;
  private final Clock clock;
  private final RelationListener listener;

  public Block(KithStore store, Clock clock, RelationListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Returns whether the block is new. */
  public boolean block(UserId actor, UserId target) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot block yourself");
    }
    Instant now = clock.instant();
    if (store.relationships(actor, List.of(target), now).getFirst().blockedBy()) {
      // As everywhere, a blocker's account looks absent to the users it blocks.
      throw KithException.notFound("no user with id " + target);
    }
    boolean created = store.block(actor, target, now);
    if (created) {
      listener.blocked(actor, target);
    }
    return created;
  }

  public boolean unblock(UserId actor, UserId target) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot unblock yourself");
    }
    return store.unblock(actor, target);
  }
}
