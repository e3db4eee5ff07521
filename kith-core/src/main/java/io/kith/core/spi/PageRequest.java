package io.kith.core.spi;

import java.util.Objects;
import java.util.Optional;

/** Which page of a list to read: at most {@code limit} entries strictly after {@code after}, if given. */
public record PageRequest(Optional<Position> after, int limit) {
  public static final int MAX_LIMIT = 10_000;

  public PageRequest {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: 1-" + MAX_LIMIT + ")");
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }

  public static PageRequest after(Position position, int limit) {
    return new PageRequest(Optional.of(position), limit);
  }
}
