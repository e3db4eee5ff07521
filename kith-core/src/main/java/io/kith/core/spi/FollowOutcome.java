package io.kith.core.spi;

/** What a follow call did. */
public enum FollowOutcome {
  /** A new edge was written. */
  CREATED,
  /** The edge already existed; nothing changed. */
  ALREADY_FOLLOWING
}
