package io.kith.core.relation.pair;

import io.kith.core.UserId;
import io.kith.core.event.EventType;
import java.util.Objects;

/**
 * The change event a transition makes (issue 12): its type, who acted and the other user. Only a transition that
 * changes the pair makes one; an idempotent re-call makes none.
 */
public record PairEvent(EventType type, UserId actor, UserId subject) {
  public PairEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(subject, "subject");
  }
}
