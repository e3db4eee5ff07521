package io.kith.server.internal.json;

import java.util.Objects;

/**
 * A request field where null means something of its own: absent (leave it as it is), null (remove it), or a value.
 * PATCH needs all three; a plain Java null would make the first two one.
 */
public final class NullableField<T> {
  private static final NullableField<?> ABSENT = new NullableField<>(false, null);
  private static final NullableField<?> NULL = new NullableField<>(true, null);

  private final boolean present;
  private final T value;

  private NullableField(boolean present, T value) {
    this.present = present;
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  public static <T> NullableField<T> absent() {
    return (NullableField<T>) ABSENT;
  }

  @SuppressWarnings("unchecked")
  public static <T> NullableField<T> ofNull() {
    return (NullableField<T>) NULL;
  }

  public static <T> NullableField<T> of(T value) {
    return new NullableField<>(true, Objects.requireNonNull(value, "value"));
  }

  /** Whether the field was sent at all, null or not. */
  public boolean isPresent() {
    return present;
  }

  /** The value sent; null if null was sent (or nothing). */
  public T orElseNull() {
    return value;
  }

  @Override
  public String toString() {
    return !present ? "absent" : String.valueOf(value);
  }
}
