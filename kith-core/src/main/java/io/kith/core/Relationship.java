package io.kith.core;

import java.time.Instant;
import java.util.Objects;

/**
 * How the viewer stands with {@code other}, as of the moment it was read.
 *
 * @param following the viewer follows other
 * @param followedBy other follows the viewer
 * @param requested the viewer asked to follow other (a private account) and waits for approval
 * @param requestedBy other asked to follow the viewer
 * @param blocking the viewer blocks other
 * @param blockedBy other blocks the viewer
 * @param muting the viewer mutes other (an expired mute is not muting)
 * @param mutingExpiresAt when the mute ends; null for a mute without end, or when not muting
 */
public record Relationship(UserId other, boolean following, boolean followedBy, boolean requested,
                           boolean requestedBy, boolean blocking, boolean blockedBy, boolean muting,
                           Instant mutingExpiresAt) {
  public Relationship {
    Objects.requireNonNull(other, "other");
    if (!muting && mutingExpiresAt != null) {
      throw new IllegalArgumentException("mutingExpiresAt: " + mutingExpiresAt + " (expected: null when not muting)");
    }
  }

  /** A relationship of follows only: no request, block or mute. */
  public static Relationship follows(UserId other, boolean following, boolean followedBy) {
    return new Relationship(other, following, followedBy, false, false, false, false, false, null);
  }

  /** A friend is a mutual follow. */
  public boolean friend() {
    return following && followedBy;
  }

  /** A block in either direction: the two are hidden from each other. */
  public boolean blockedEitherWay() {
    return blocking || blockedBy;
  }
}
