package io.kith.core.relation.pair;

/**
 * Everything a user can do to a pair. Each has one transition ({@link Transitions}); a new relation kind adds its
 * verbs here, their transitions, and TCK cases, and no store changes its rules.
 */
public enum Verb {
  /** The actor follows the subject, or asks to if the subject is private. */
  FOLLOW,
  /** The actor stops following the subject, and withdraws a pending request to it. */
  UNFOLLOW,
  /** The actor (owner) approves the subject's pending request: it becomes a follow. */
  ACCEPT,
  /** The actor (owner) turns down the subject's pending request. */
  REJECT,
  /** The actor takes back its pending request to the subject. */
  WITHDRAW,
  /** The actor (owner) removes the subject's follow of it, and turns down a pending request of the subject. */
  REMOVE_FOLLOWER,
  /** The actor blocks the subject: every follow and request between them goes. */
  BLOCK,
  UNBLOCK,
  /** The actor mutes the subject, until an expiry or without end; muting again replaces the mute. */
  MUTE,
  UNMUTE
}
