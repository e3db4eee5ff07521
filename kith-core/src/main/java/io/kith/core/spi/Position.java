package io.kith.core.spi;

import io.kith.core.UserId;
import java.util.Objects;

/**
 * A keyset position in a list ordered by (time descending, other id descending). A page resumes strictly after it,
 * so items never repeat and items present for the whole walk are never skipped.
 */
public record Position(long atMillis, UserId other) {
  public Position {
    Objects.requireNonNull(other, "other");
    if (atMillis < 0) {
      throw new IllegalArgumentException("atMillis: " + atMillis + " (expected: >= 0)");
    }
  }
}
