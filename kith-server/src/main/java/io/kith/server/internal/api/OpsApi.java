package io.kith.server.internal.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.annotation.Get;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.api.wire.Health;
import io.kith.server.internal.http.Access;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /health} and {@code GET /metrics}, for load balancers and scrapers. */
public final class OpsApi {
  private static final MediaType PROMETHEUS_TEXT = MediaType.parse("text/plain; version=0.0.4; charset=utf-8");

  private final KithStore store;
  private final PrometheusMeterRegistry registry;

  public OpsApi(KithStore store, PrometheusMeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Get("/health")
  @Access(Access.Who.ANYONE)
  public Health health() {
    if (!store.isHealthy()) {
      throw KithException.of(ErrorCode.UNAVAILABLE, "the store is not healthy");
    }
    return Health.OK;
  }

  @Get("/metrics")
  @Access(Access.Who.ANYONE)
  public HttpResponse metrics() {
    return HttpResponse.of(HttpStatus.OK, PROMETHEUS_TEXT, registry.scrape());
  }
}
