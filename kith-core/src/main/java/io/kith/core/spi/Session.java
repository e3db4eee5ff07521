package io.kith.core.spi;

import io.kith.core.UserId;
import java.time.Instant;
import java.util.Objects;

/** A login session, found by the hash of its bearer token. */
public record Session(TokenHash tokenHash, UserId userId, Instant createdAt, Instant expiresAt) {
  public Session {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
