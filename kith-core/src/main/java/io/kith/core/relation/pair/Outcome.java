package io.kith.core.relation.pair;

import io.kith.core.spi.FollowOutcome;

/** What a transition did, as its verb reports it. */
public enum Outcome {
  /** {@link Verb#FOLLOW}: the follow was made. */
  FOLLOWED,
  /** {@link Verb#FOLLOW} of a private account: a request now waits. */
  REQUESTED,
  /** {@link Verb#FOLLOW}: the actor follows already; nothing changed. */
  ALREADY_FOLLOWING,
  /** {@link Verb#FOLLOW} of a private account: a request waits already; nothing changed. */
  ALREADY_REQUESTED,
  /** Any other verb changed the pair. */
  CHANGED,
  /** Any other verb found nothing to do: the state it makes holds already, or there is nothing to remove. */
  UNCHANGED;

  /** The store SPI's answer to a follow; only for the follow outcomes. */
  public FollowOutcome followOutcome() {
    return switch (this) {
      case FOLLOWED -> FollowOutcome.CREATED;
      case REQUESTED -> FollowOutcome.REQUESTED;
      case ALREADY_FOLLOWING -> FollowOutcome.ALREADY_FOLLOWING;
      case ALREADY_REQUESTED -> FollowOutcome.ALREADY_REQUESTED;
      case CHANGED, UNCHANGED -> throw new IllegalStateException("outcome: " + this + " (expected: a follow's)");
    };
  }
}
