package io.kith.core.relation.pair;

import io.kith.core.KithException;
import io.kith.core.UserId;
import java.util.Objects;

/** The accounts of a pair's two users, as read with the pair's state. */
public record Accounts(UserId a, Account ofA, UserId b, Account ofB) {
  public Accounts {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(ofA, "ofA");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(ofB, "ofB");
  }

  public Account of(UserId user) {
    if (user.equals(a)) {
      return ofA;
    }
    if (user.equals(b)) {
      return ofB;
    }
    throw new IllegalArgumentException("user: " + user + " (expected: " + a + " or " + b + ")");
  }

  /** {@code not_found} naming the first of {@code first}, {@code second} that does not exist. */
  void requireBoth(UserId first, UserId second) {
    for (UserId user : new UserId[] {first, second}) {
      if (!of(user).exists()) {
        throw KithException.notFound("no user with id " + user);
      }
    }
  }
}
