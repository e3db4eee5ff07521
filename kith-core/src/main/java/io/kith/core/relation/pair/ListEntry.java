package io.kith.core.relation.pair;

import io.kith.core.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** {@code owner}'s list {@code list} holds {@code other} from {@code at}, the time the list is ordered by. */
public record ListEntry(RelationList list, UserId owner, UserId other, Instant at) {
  public ListEntry {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(other, "other");
    at = at.truncatedTo(ChronoUnit.MILLIS);
  }
}
