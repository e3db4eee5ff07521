package io.kith.server;

import java.util.Map;

/**
 * Parses and checks command-line values in the units the flags are given in, so that a bad one is reported as
 * {@code --flag: value (expected: ...)}: the flag the user typed, never an internal setting or a converted value.
 */
final class FlagValues {
  /** Settings named by the components the flags configure (store keys, builder names), and their flags. */
  static final Map<String, String> FLAGS_BY_SETTING = Map.ofEntries(
      Map.entry("store", "--store"),
      Map.entry("path", "--data"),
      Map.entry("sync", "--sync"),
      Map.entry("block_cache_mb", "--block-cache-mb"),
      Map.entry("relation_cache_mb", "--relation-cache-mb"),
      Map.entry("user_cache_mb", "--user-cache-mb"),
      Map.entry("create_schema", "--create-schema"),
      Map.entry("contact_points", "--contact-points"),
      Map.entry("keyspace", "--keyspace"),
      Map.entry("local_datacenter", "--local-datacenter"),
      Map.entry("replication", "--replication"),
      Map.entry("consistency", "--consistency"),
      Map.entry("service-token", "--service-token"));

  private FlagValues() {}

  /** A whole number {@code min}-{@code max}, in ASCII digits; {@code unit} (may be empty) is the flag's unit. */
  static long wholeNumber(String flag, String text, long min, long max, String unit) {
    String expected = min + "-" + max + (unit.isEmpty() ? "" : " " + unit);
    String digits = text.strip();
    boolean ascii = !digits.isEmpty() && digits.length() <= 18
        && digits.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '-');
    long value;
    try {
      value = ascii ? Long.parseLong(digits) : Long.MIN_VALUE;
    } catch (NumberFormatException e) {
      value = Long.MIN_VALUE;
    }
    if (value < min || value > max) {
      throw bad(flag, text, expected);
    }
    return value;
  }

  static boolean bool(String flag, String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(flag, text, "true or false");
    };
  }

  static IllegalArgumentException bad(String flag, String text, String expected) {
    return new IllegalArgumentException(flag + ": " + text + " (expected: " + expected + ")");
  }

  /**
   * The same failure, reported against the flag: a component says {@code "block_cache_mb: 4 (expected: ...)"}, the
   * user typed {@code --block-cache-mb}. Messages about other things pass unchanged.
   */
  static IllegalArgumentException renamed(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    for (Map.Entry<String, String> setting : FLAGS_BY_SETTING.entrySet()) {
      String name = setting.getKey();
      if (message.startsWith(name + ":") || message.startsWith(name + " ")) {
        return new IllegalArgumentException(setting.getValue() + message.substring(name.length()), e);
      }
    }
    return e;
  }
}
