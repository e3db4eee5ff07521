package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.core.User;
import io.kith.core.spi.Session;
import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.internal.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Starts a session and renders the {@code {user, token}} answer shared by sign-up and log-in. */
final class SessionIssuer {
  private SessionIssuer() {}

  static ObjectNode issue(ApiContext api, User user) {
    String token = api.tokens().newToken();
    Instant now = api.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    api.store().createSession(new Session(BearerTokens.hash(token), user.id(), now, now.plus(api.tokenLifetime())));
    ObjectNode body = Json.object();
    body.set("user", api.cards().card(user, Optional.empty()));
    body.put("token", token);
    body.put("expires_at", now.plus(api.tokenLifetime()).toString());
    return body;
  }
}
