package io.kith.core.spi;

import io.kith.core.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A login session, found by the hash of its bearer token. */
public record Session(TokenHash tokenHash, UserId userId, Instant createdAt, Instant expiresAt) {
  public Session {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(userId, "userId");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
