package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.core.TextRules;
import io.kith.core.limit.RateLimitStatus;
import io.kith.server.internal.auth.Authenticator;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.json.JsonBodies;
import java.util.Optional;

/** One fully received request, as a handler sees it: path, query, body and the authenticated caller. */
public final class ApiRequest {
  private final ServiceRequestContext ctx;
  private final AggregatedHttpRequest request;
  private final Authenticator authenticator;
  private QueryParams query;

  ApiRequest(ServiceRequestContext ctx, AggregatedHttpRequest request, Authenticator authenticator) {
    this.ctx = ctx;
    this.request = request;
    this.authenticator = authenticator;
  }

  public String pathParam(String name) {
    String value = ctx.pathParam(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return TextRules.requireWellFormed(name, value);
  }

  public Optional<String> query(String name) {
    if (query == null) {
      query = QueryParams.fromQueryString(ctx.query());
    }
    return Optional.ofNullable(TextRules.requireWellFormed(name, query.get(name)));
  }

  /** Whether the request carries a body at all (for endpoints where one is optional). */
  public boolean hasBody() {
    return !request.content().isEmpty();
  }

  /**
   * The client's network for per-address limits ({@link ClientNetworks}): from the peer's address, unless the
   * server was told to trust {@code X-Forwarded-For} and {@code Forwarded} from a proxy in front of it.
   */
  public String clientNetwork() {
    return ClientNetworks.of(ctx.clientAddress());
  }

  /** The body read strictly into its record; 400 if it is missing or breaks a rule. */
  public <T> T body(Class<T> type) {
    return JsonBodies.read(request.content().array(), type);
  }

  /** The caller; 401 if no valid token was sent. */
  public Caller caller() {
    Caller caller = authenticator.required(request.headers());
    AccessLogDecorator.recordUser(ctx, caller.userId());
    return caller;
  }

  /** The caller if a token was sent; 401 if one was sent but is not valid. */
  public Optional<Caller> optionalCaller() {
    Optional<Caller> caller = authenticator.optional(request.headers());
    caller.ifPresent(c -> AccessLogDecorator.recordUser(ctx, c.userId()));
    return caller;
  }

  /** Tells the client where it stands under the endpoint's rate limits, on whatever this request answers. */
  public void tellRateLimit(RateLimitStatus status) {
    RateLimitHeaders.set(ctx, status);
  }
}
