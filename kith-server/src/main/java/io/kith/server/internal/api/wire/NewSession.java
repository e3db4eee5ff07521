package io.kith.server.internal.api.wire;

import java.time.Instant;

/** A new session, as sign-up and log-in answer: the user's card, the bearer token and when it expires. */
public record NewSession(UserCard user, String token, Instant expiresAt) {}
