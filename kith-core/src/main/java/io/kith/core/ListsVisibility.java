package io.kith.core;

import java.util.Locale;

/** Who may see a user's followers, following and friends lists (a private account's are followers-only anyway). */
public enum ListsVisibility {
  EVERYONE,
  FOLLOWERS,
  FRIENDS,
  ONLY_ME;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
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
