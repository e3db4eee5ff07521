package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileRules;
import io.kith.core.User;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.json.JsonBody;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** {@code POST /v1/accounts}: sign up and get a first session. */
public final class AccountsApi {
  private static final Set<String> FIELDS = Set.of("handle", "password", "display_name");

  private final ApiContext api;

  public AccountsApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse create(ApiRequest request) {
    JsonBody body = request.body(FIELDS);
    Handle handle = Handle.parse("handle", body.requiredString("handle"));
    String password = ProfileRules.password("password", body.requiredString("password"));
    String displayName = ProfileRules.displayName("display_name", body.string("display_name").orElse(""));
    // Validate everything before counting the attempt and before the expensive hash; the store's atomic insert
    // decides handle uniqueness.
    String network = request.clientNetwork();
    request.tellRateLimit(api.rateLimiter().acquire(network, api.accessLimits().signupsPerIp()));
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
      return Responses.json(HttpStatus.CREATED, SessionIssuer.issue(api, user));
    }
  }
}
