package io.kith.server.internal.auth;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.server.internal.auth.ServiceTokens.ServiceToken;

/**
 * Guards the service endpoints: no or an unknown token is 401; a valid user token is 403 (users may not read
 * fan-out streams, however they authenticate); a service token lacking the endpoint's scope is 403.
 */
public final class ServiceAuthenticator {
  private final ServiceTokens tokens;
  private final Authenticator users;

  public ServiceAuthenticator(ServiceTokens tokens, Authenticator users) {
    this.tokens = tokens;
    this.users = users;
  }

  public ServiceToken require(RequestHeaders headers, String scope) {
    String header = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (header == null) {
      throw unauthenticated("a service token with scope " + scope + " is required");
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      throw unauthenticated("Authorization must be 'Bearer <token>'");
    }
    String raw = header.substring(space + 1).strip();
    ServiceToken token = tokens.find(raw).orElse(null);
    if (token == null) {
      if (BearerTokens.isWellFormed(raw)) {
        users.required(headers); // 401 unless it is a live user session
        throw forbidden("this endpoint is for internal services: it takes a service token with scope " + scope
            + ", not a user token");
      }
      throw unauthenticated("the bearer token is not valid (unknown or revoked)");
    }
    if (!token.has(scope)) {
      throw forbidden("service token " + token.name() + " lacks scope " + scope);
    }
    return token;
  }

  private static KithException unauthenticated(String detail) {
    return KithException.of(ErrorCode.UNAUTHENTICATED, detail);
  }

  private static KithException forbidden(String detail) {
    return KithException.of(ErrorCode.FORBIDDEN, detail);
  }
}
