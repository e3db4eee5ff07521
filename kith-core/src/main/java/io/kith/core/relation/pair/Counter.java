package io.kith.core.relation.pair;

/** The per-user counts a change moves. */
public enum Counter {
  FOLLOWERS,
  FOLLOWING,
  /** Mutual follows. */
  FRIENDS,
  /** Follow requests the user sent that are pending (the follow cap counts them). */
  REQUESTS_OUT,
  /** Follow requests waiting for the user's answer. Neither store keeps this count today; it is the list's size. */
  REQUESTS_IN
}
