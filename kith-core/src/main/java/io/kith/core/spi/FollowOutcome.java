package io.kith.core.spi;

/** What a follow call did. */
public enum FollowOutcome {
  /** A new edge was written. */
  CREATED,
  /** The edge already existed; nothing changed. */
  ALREADY_FOLLOWING,
  /** The followee is private: a follow request now waits for approval. */
  REQUESTED,
  /** A request was already waiting; nothing changed. */
  ALREADY_REQUESTED
}
