package io.kith.server.internal.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Post;
import io.kith.core.ErrorCode;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.User;
import io.kith.core.limit.LoginLimiter;
import io.kith.server.internal.api.wire.LogIn;
import io.kith.server.internal.api.wire.NewSession;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import io.kith.server.internal.http.ClientNetworks;
import io.kith.server.internal.http.RateLimitHeaders;
import io.kith.server.internal.json.JsonBodies;
import java.util.Optional;

/** {@code POST /v1/sessions} (log in) and {@code DELETE /v1/sessions/current} (log out). */
public final class SessionsApi {
  private final ApiContext api;

  public SessionsApi(ApiContext api) {
    this.api = api;
  }

  @Post("/v1/sessions")
  @Access(Access.Who.ANYONE)
  public NewSession logIn(LogIn body, ServiceRequestContext ctx) {
    Handle handle = Handle.parse("handle", JsonBodies.required("handle", body.handle()));
    String password = JsonBodies.required("password", body.password());
    String network = ClientNetworks.of(ctx.clientAddress());
    LoginLimiter limiter = api.loginLimiter();
    Optional<User> user = api.store().userByHandle(handle);
    // Checked before the password is tried. Failures count per handle and address whether or not an account has
    // the handle, so a guesser gets the same 429 for an account that exists as for one that does not; only the
    // account's own recent addresses are spared the per-handle limit (LoginLimiter).
    LoginLimiter.Standing standing = limiter.check(handle.value(), user.map(User::id), network);
    // Unknown handle and wrong password give the same answer after the same work, so neither the response nor
    // its timing tells whether an account exists.
    boolean valid = user.isPresent()
        ? api.store().passwordHash(user.get().id()).map(hash -> api.passwords().verify(password, hash)).orElse(false)
        : api.passwords().verifyAgainstDummy(password);
    if (!valid) {
      limiter.failed(handle.value(), network);
      RateLimitHeaders.set(ctx, standing.ifFailed());
      throw KithException.of(ErrorCode.UNAUTHENTICATED, "handle or password is wrong");
    }
    limiter.succeeded(user.get().id(), network);
    RateLimitHeaders.set(ctx, standing.ifSucceeded());
    return SessionIssuer.issue(api, user.get());
  }

  @Delete("/v1/sessions/current")
  @Access(Access.Who.USER)
  public void logOut(Caller caller) {
    api.store().deleteSession(caller.tokenHash());
    api.sessions().forget(caller.tokenHash()); // refused at once on this node
  }
}
