package io.kith.core.relation.pair;

import io.kith.core.UserId;
import java.util.Objects;

/** {@code user}'s count {@code counter} moves by {@code delta} (never 0). */
public record CountDelta(UserId user, Counter counter, long delta) {
  public CountDelta {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(counter, "counter");
    if (delta == 0) {
      throw new IllegalArgumentException("delta: 0 (expected: a change)");
    }
  }
}
