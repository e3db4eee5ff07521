package io.kith.server.internal.api.wire;

import io.kith.core.Relationship;
import java.time.Instant;

/** How a relationship reads on the wire: in relationship answers and as the {@code viewer} of a card. */
public record ViewerState(boolean following, boolean followedBy, boolean friend, boolean requested,
                          boolean requestedBy, boolean blocking, boolean blockedBy, boolean muting,
                          Instant mutingExpiresAt) {

  public static ViewerState of(Relationship r) {
    return new ViewerState(r.following(), r.followedBy(), r.friend(), r.requested(), r.requestedBy(), r.blocking(),
        r.blockedBy(), r.muting(), r.mutingExpiresAt());
  }
}
