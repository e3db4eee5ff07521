package io.kith.server.internal.api;

import io.kith.core.KithException;
import io.kith.core.TextRules;
import io.kith.core.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parsing of query parameters, each failure reported against the parameter's name. */
final class QueryArguments {
  static final int MAX_IDS = 100;
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private QueryArguments() {}

  /** A query parameter as sent, refused (400 naming it) unless it is well-formed Unicode. */
  static Optional<String> text(String name, Optional<String> raw) {
    raw.ifPresent(value -> TextRules.requireWellFormed(name, value));
    return raw;
  }

  /** A comma-separated list of 1-100 user ids, in the order given; a repeated id is kept once, where it first is. */
  static List<UserId> ids(Optional<String> raw) {
    String text = text("ids", raw)
        .orElseThrow(() -> KithException.invalid("ids", "ids is required: comma-separated user ids"));
    if (text.isEmpty()) {
      throw KithException.invalid("ids", "ids is required: comma-separated user ids");
    }
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_IDS) {
      throw KithException.invalid("ids", "at most " + MAX_IDS + " ids per request (was " + parts.length + ")");
    }
    Set<UserId> ids = new LinkedHashSet<>(parts.length);
    for (String part : parts) {
      ids.add(UserId.parse("ids", part));
    }
    return List.copyOf(ids);
  }

  /**
   * A number written in ASCII digits only: {@link Integer#parseInt} also takes other scripts' digits (full-width
   * {@code ５０}, Arabic-Indic...), which ids never accept, so neither may any other number.
   */
  static int asciiInt(String name, String text, int max) {
    if (text.isEmpty() || text.length() > 9) {
      throw KithException.invalid(name, name + " must be an integer 1-" + max);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw KithException.invalid(name, name + " must be an integer 1-" + max + " in ASCII digits");
      }
    }
    return Integer.parseInt(text);
  }

  static int limit(Optional<String> raw) {
    if (text("limit", raw).isEmpty()) {
      return DEFAULT_LIMIT;
    }
    int value = asciiInt("limit", raw.get(), MAX_LIMIT);
    if (value < 1 || value > MAX_LIMIT) {
      throw KithException.invalid("limit", "limit must be 1-" + MAX_LIMIT + " (was " + value + ")");
    }
    return value;
  }
}
