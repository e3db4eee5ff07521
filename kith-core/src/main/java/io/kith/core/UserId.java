package io.kith.core;

/**
 * A user's 64-bit, time-ordered identifier. Serialized as a decimal string on the wire because JSON numbers lose
 * precision above 2^53 in most clients.
 */
public record UserId(long value) implements Comparable<UserId> {
  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("value: " + value + " (expected: > 0)");
    }
  }

  public static UserId of(long value) {
    return new UserId(value);
  }

  /** Parses the wire form; reports bad input against {@code field}. */
  public static UserId parse(String field, String text) {
    if (text == null || text.isEmpty() || text.length() > 19) {
      throw KithException.invalid(field, field + " must be a user id: a positive decimal number");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw KithException.invalid(field, field + " must be a user id: a positive decimal number");
      }
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw KithException.invalid(field, field + " must be a user id: a positive decimal number");
    }
    if (value <= 0) {
      throw KithException.invalid(field, field + " must be a user id: a positive decimal number");
    }
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
