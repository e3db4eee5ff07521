package io.kith.server.internal.api;

import io.kith.core.User;
import io.kith.core.spi.Session;
import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.internal.api.wire.NewSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Starts a session and renders the {@code {user, token}} answer shared by sign-up and log-in. */
final class SessionIssuer {
  private SessionIssuer() {}

  static NewSession issue(ApiContext api, User user) {
    String token = api.tokens().newToken();
    Instant now = api.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    api.store().createSession(new Session(BearerTokens.hash(token), user.id(), now, now.plus(api.tokenLifetime())));
    return new NewSession(api.cards().card(user, Optional.empty()), token, now.plus(api.tokenLifetime()));
  }
}
