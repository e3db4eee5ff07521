package io.kith.server.internal.api;

import io.kith.core.KithException;
import java.util.Optional;

/** A {@code limit} query parameter with its own default and bound, for pages unlike the usual 1-100. */
final class BoundedLimit {
  private BoundedLimit() {}

  static int parse(Optional<String> raw, int defaultValue, int max) {
    if (QueryArguments.text("limit", raw).isEmpty()) {
      return defaultValue;
    }
    int value = QueryArguments.asciiInt("limit", raw.get(), max);
    if (value < 1 || value > max) {
      throw KithException.invalid("limit", "limit must be 1-" + max + " (was " + value + ")");
    }
    return value;
  }
}
