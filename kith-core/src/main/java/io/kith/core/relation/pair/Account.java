package io.kith.core.relation.pair;

import io.kith.core.User;

/** What a transition needs to know of a user: whether it exists, and whether it is private. */
public enum Account {
  ABSENT, PUBLIC, PRIVATE;

  /** The account of {@code user}, null for one that does not exist. */
  public static Account of(User user) {
    return user == null ? ABSENT : user.isPrivate() ? PRIVATE : PUBLIC;
  }

  public boolean exists() {
    return this != ABSENT;
  }
}
