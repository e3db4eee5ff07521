package io.kith.server.internal.auth;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <token>} to the acting user. A header that is present but wrong is always
 * an error, even where a token is optional: silently treating a bad token as anonymous hides client bugs.
 */
public final class Authenticator {
  private final KithStore store;
  private final Clock clock;
  private final ServiceTokens serviceTokens;
  private final SessionCache sessions;

  public Authenticator(KithStore store, Clock clock) {
    this(store, clock, ServiceTokens.none(), SessionCache.off(store));
  }

  /**
   * {@code serviceTokens} are recognized only to be refused: they act for no user (403, not 401). Sessions are
   * read through {@code sessions}; the account's existence is read from the store on every request.
   */
  public Authenticator(KithStore store, Clock clock, ServiceTokens serviceTokens, SessionCache sessions) {
    this.store = store;
    this.clock = clock;
    this.serviceTokens = serviceTokens;
    this.sessions = sessions;
  }

  public record Caller(UserId userId, TokenHash tokenHash) {}

  /** Empty when no Authorization header was sent. Runs store reads: call it off the event loop. */
  public Optional<Caller> optional(RequestHeaders headers) {
    String header = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (header == null) {
      return Optional.empty();
    }
    return Optional.of(resolve(header));
  }

  public Caller required(RequestHeaders headers) {
    return optional(headers).orElseThrow(() -> unauthenticated("a bearer token is required"));
  }

  private Caller resolve(String header) {
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      throw unauthenticated("Authorization must be 'Bearer <token>'");
    }
    String token = header.substring(space + 1).strip();
    serviceTokens.find(token).ifPresent(service -> {
      throw KithException.of(ErrorCode.FORBIDDEN, "service token " + service.name()
          + " acts for no user; it may call only the service endpoints its scopes name");
    });
    if (!BearerTokens.isWellFormed(token)) {
      throw unauthenticated("the bearer token is malformed");
    }
    TokenHash hash = BearerTokens.hash(token);
    Session session = sessions.session(hash)
        .orElseThrow(() -> unauthenticated("the bearer token is not valid (unknown or revoked)"));
    if (session.isExpired(clock.instant())) {
      throw unauthenticated("the bearer token has expired; log in again");
    }
    if (store.existingUsers(List.of(session.userId())).isEmpty()) {
      throw unauthenticated("the bearer token's account no longer exists");
    }
    return new Caller(session.userId(), hash);
  }

  private static KithException unauthenticated(String detail) {
    return KithException.of(ErrorCode.UNAUTHENTICATED, detail);
  }
}
