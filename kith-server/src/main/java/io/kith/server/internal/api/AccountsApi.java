package io.kith.server.internal.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.StatusCode;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileRules;
import io.kith.core.User;
import io.kith.server.internal.api.wire.NewSession;
import io.kith.server.internal.api.wire.SignUp;
import io.kith.server.internal.http.Access;
import io.kith.server.internal.http.ClientNetworks;
import io.kith.server.internal.http.RateLimitHeaders;
import io.kith.server.internal.json.JsonBodies;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** {@code POST /v1/accounts}: sign up and get a first session. */
public final class AccountsApi {
  private final ApiContext api;

  public AccountsApi(ApiContext api) {
    this.api = api;
  }

  @Post("/v1/accounts")
  @Access(Access.Who.ANYONE)
  @StatusCode(201)
  public NewSession create(SignUp body, ServiceRequestContext ctx) {
    Handle handle = Handle.parse("handle", JsonBodies.required("handle", body.handle()));
    String password = ProfileRules.password("password", JsonBodies.required("password", body.password()));
    String displayName = ProfileRules.displayName("display_name", Objects.requireNonNullElse(body.displayName(), ""));
    // Validate everything before counting the attempt and before the expensive hash; the store's atomic insert
    // decides handle uniqueness.
    String network = ClientNetworks.of(ctx.clientAddress());
    RateLimitHeaders.set(ctx, api.rateLimiter().acquire(network, api.accessLimits().signupsPerIp()));
    String passwordHash = api.passwords().hash(password);
    for (int attempt = 1; ; attempt++) {
      User user = new User(api.ids().next(), handle, displayName, "", null, false,
          api.clock().instant().truncatedTo(ChronoUnit.MILLIS));
      try {
        api.store().createUser(user, passwordHash);
      } catch (KithException e) {
        // Leased node ids make a taken id impossible; should one still turn up, the store refused it unharmed.
        if (!"id".equals(e.field()) || attempt >= 3) {
          throw e;
        }
        continue;
      }
      api.loginLimiter().succeeded(user.id(), network); // the creator's address is the account's first known one
      return SessionIssuer.issue(api, user);
    }
  }
}
