package io.kith.core.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** String settings for a store, read with typed getters that fail fast naming the setting and what it expects. */
public final class StoreConfig {
  private final Map<String, String> values;

  private StoreConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static StoreConfig of(Map<String, String> values) {
    return new StoreConfig(values);
  }

  public StoreConfig with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new StoreConfig(copy);
  }

  public Path path(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + ": " + value + " (expected: a directory path)");
    }
    return Path.of(value);
  }

  /** The value of {@code key}, or {@code defaultValue} when it is unset; a blank value is refused. */
  public String text(String key, String defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(key + ": '" + value + "' (expected: a non-blank value)");
    }
    return value;
  }

  public boolean bool(String key, boolean defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + ": " + value + " (expected: true or false)");
    };
  }

  public long longValue(String key, long defaultValue, long min, long max) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": " + value + " (expected: an integer " + min + "-" + max + ")");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(key + ": " + value + " (expected: " + min + "-" + max + ")");
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "StoreConfig" + new TreeMap<>(values);
  }
}
