package io.kith.core.spi;

/** The per-user lists a store pages through, each ordered newest relation first. */
public enum EdgeList {
  /** Who follows the owner, by follow time. */
  FOLLOWERS,
  /** Whom the owner follows, by follow time. */
  FOLLOWING,
  /** Mutual follows, by the time the second of the two follows was made. */
  FRIENDS
}
