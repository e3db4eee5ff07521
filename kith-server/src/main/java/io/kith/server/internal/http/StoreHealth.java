package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.TransientServiceOption;
import com.linecorp.armeria.server.healthcheck.HealthCheckService;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.api.wire.Health;
import io.kith.server.internal.json.Json;
import io.netty.util.concurrent.ImmediateEventExecutor;

/**
 * {@code GET /health}: Armeria's {@link HealthCheckService}, healthy while the store says it is and the server is
 * not shutting down (so a load balancer drains a stopping node), answering {@code 200 {"status": "ok"}}. Its fixed
 * 503 becomes Kith's problem document ({@code unavailable}, with the request's id and {@code Retry-After}), which no
 * static answer could carry.
 */
final class StoreHealth implements DecoratingHttpServiceFunction {
  private final KithStore store;

  private StoreHealth(KithStore store) {
    this.store = store;
  }

  /** The service to bind; it asks the store on every call, so it must run off the event loop. */
  static HttpService service(KithStore store) {
    HealthCheckService health = HealthCheckService.builder()
        .checkers(store::isHealthy)
        .healthyResponse(AggregatedHttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, Json.bytes(Health.OK)))
        .unhealthyResponse(AggregatedHttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE))
        .longPolling(0)
        // Counted in the metrics and the access log like every other route.
        .transientServiceOptions(TransientServiceOption.allOf())
        .build();
    return health.decorate(new StoreHealth(store));
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
    // The health service's answer is a fixed one: aggregating it here takes no hop.
    return HttpResponse.of(delegate.serve(ctx, req).aggregate(ImmediateEventExecutor.INSTANCE).thenApply(answer -> {
      if (answer.status().code() != HttpStatus.SERVICE_UNAVAILABLE.code()) {
        return answer.toHttpResponse();
      }
      // Unhealthy with a healthy store: the health service heard the server begin to stop.
      String detail = store.isHealthy() ? "the server is shutting down" : "the store is not healthy";
      return Problems.fromThrowable(ctx, KithException.of(ErrorCode.UNAVAILABLE, detail)).toHttpResponse();
    }));
  }
}
