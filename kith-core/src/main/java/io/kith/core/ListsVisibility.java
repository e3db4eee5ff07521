package io.kith.core;

/**
 * Who may see a user's followers, following and friends lists (a private account's are followers-only anyway).
 * Each value carries its stable {@link #code()} (stored in user records) and {@link #wireName()} (the API's
 * {@code lists_visibility}): neither depends on the order or the names of the constants.
 */
public enum ListsVisibility {
  EVERYONE(0, "everyone"),
  FOLLOWERS(1, "followers"),
  FRIENDS(2, "friends"),
  ONLY_ME(3, "only_me");

  private final int code;
  private final String wireName;

  ListsVisibility(int code, String wireName) {
    this.code = code;
    this.wireName = wireName;
  }

  /** The number written into stored user records. Part of every data directory: never renumber, never reuse. */
  public int code() {
    return code;
  }

  /** The value with {@code code}; an {@link IllegalArgumentException} naming it if no value has that code. */
  public static ListsVisibility fromCode(int code) {
    for (ListsVisibility value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException("lists visibility code: " + code + " (expected: 0-3)");
  }

  public String wireName() {
    return wireName;
  }

  public static ListsVisibility parse(String field, String text) {
    if (text != null) {
      for (ListsVisibility value : values()) {
        if (value.wireName().equals(text)) {
          return value;
        }
      }
    }
    throw KithException.invalid(field, field + " must be one of everyone, followers, friends, only_me");
  }
}
