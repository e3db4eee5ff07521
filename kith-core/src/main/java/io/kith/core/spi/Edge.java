package io.kith.core.spi;

import io.kith.core.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One entry of a list: the user at the other end and when the relation began (millisecond precision). */
public record Edge(UserId other, Instant at) {
  public Edge {
    Objects.requireNonNull(other, "other");
    at = at.truncatedTo(ChronoUnit.MILLIS);
  }

  public Position position() {
    return new Position(at.toEpochMilli(), other);
  }
}
