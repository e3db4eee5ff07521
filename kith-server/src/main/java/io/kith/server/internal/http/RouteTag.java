package io.kith.server.internal.http;

import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.ServiceRequestContext;

/** Request metrics named {@code kith.http.*}, tagged with the route pattern so each endpoint has its own series. */
public final class RouteTag {
  private RouteTag() {}

  public static MeterIdPrefixFunction meterIdPrefixFunction() {
    return MeterIdPrefixFunction.ofDefault("kith.http").andThen((registry, log, prefix) -> {
      String route = log.context() instanceof ServiceRequestContext ctx
          ? ctx.config().route().patternString() : "unknown";
      return prefix.withTags("route", route);
    });
  }
}
