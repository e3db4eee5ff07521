package io.kith.core.relation.pair;

import io.kith.core.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One verb as asked: who acts on whom, and when ({@code at}: the start time of any relation it makes; required by
 * the verbs that make one). {@code muteExpiresAt} is the end of a {@link Verb#MUTE} (null: without end).
 */
public record PairCommand(Verb verb, UserId actor, UserId subject, Instant at, Instant muteExpiresAt) {
  public PairCommand {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(subject, "subject");
    if (actor.equals(subject)) {
      throw new IllegalArgumentException("subject: " + subject + " (expected: not the actor)");
    }
    if (at == null && makesRelation(verb)) {
      throw new IllegalArgumentException("at: null (expected: the time " + verb + " starts its relation)");
    }
    if (muteExpiresAt != null && verb != Verb.MUTE) {
      throw new IllegalArgumentException("muteExpiresAt: " + muteExpiresAt + " (expected: null for " + verb + ")");
    }
  }

  public static PairCommand of(Verb verb, UserId actor, UserId subject, Instant at) {
    return new PairCommand(verb, actor, subject, at, null);
  }

  public static PairCommand of(Verb verb, UserId actor, UserId subject) {
    return new PairCommand(verb, actor, subject, null, null);
  }

  public static PairCommand mute(UserId actor, UserId subject, Instant at, Instant expiresAt) {
    return new PairCommand(Verb.MUTE, actor, subject, at, expiresAt);
  }

  private static boolean makesRelation(Verb verb) {
    return switch (verb) {
      case FOLLOW, ACCEPT, BLOCK, MUTE -> true;
      case UNFOLLOW, REJECT, WITHDRAW, REMOVE_FOLLOWER, UNBLOCK, UNMUTE -> false;
    };
  }
}
