package io.kith.core.spi;

/** The per-user lists a store pages through, each ordered newest first. */
public enum EdgeList {
  /** Who follows the owner, by follow time. */
  FOLLOWERS,
  /** Whom the owner follows, by follow time. */
  FOLLOWING,
  /** Mutual follows, by the time the second of the two follows was made. */
  FRIENDS,
  /** Who asked to follow the owner (a private account) and waits, by request time. */
  REQUESTS_IN,
  /** Whom the owner asked to follow, by request time. */
  REQUESTS_OUT,
  /** Whom the owner blocks, by block time. */
  BLOCKING,
  /** Whom the owner mutes, by mute time, expired mutes included (check {@link io.kith.core.Relationship}). */
  MUTING
}
