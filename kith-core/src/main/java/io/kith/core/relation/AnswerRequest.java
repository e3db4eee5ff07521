package io.kith.core.relation;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.util.Objects;

/** The owner of a private account accepts or rejects a pending follow request. */
public final class AnswerRequest {
  private final KithStore store;
  private final Clock clock;
  private final RelationListener listener;

  public AnswerRequest(KithStore store, Clock clock, RelationListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The request becomes a follow; {@code not_found} if no such request is pending. */
  public void accept(UserId owner, UserId requester) {
    if (!store.acceptRequest(owner, requester, clock.instant())) {
      throw noRequest(requester);
    }
    listener.accepted(owner, requester);
    listener.followed(requester, owner);
  }

  /** The request goes; {@code not_found} if no such request is pending. */
  public void reject(UserId owner, UserId requester) {
    if (!store.rejectRequest(owner, requester)) {
      throw noRequest(requester);
    }
  }

  private static KithException noRequest(UserId requester) {
    return KithException.notFound("no pending follow request from user " + requester);
  }
}
