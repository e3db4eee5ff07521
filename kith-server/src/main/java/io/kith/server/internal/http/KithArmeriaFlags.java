package io.kith.server.internal.http;

import com.linecorp.armeria.common.FlagsProvider;

/**
 * Armeria settings Kith depends on, loaded by Armeria through {@code META-INF/services} before any server starts
 * (a {@code -Dcom.linecorp.armeria...} system property still overrides them).
 *
 * <p>The route caches are off. Armeria keys a cached route by method, path and media types but not by whether the
 * request was a CORS preflight: a preflight for {@code POST /v1/accounts} is routed to the POST route and cached
 * under {@code OPTIONS /v1/accounts}; every later plain {@code OPTIONS} on that path then hit the cached POST route,
 * failed inside Armeria's decoder, and answered 500 with a stack trace in the log. Kith has a few dozen routes, which
 * the uncached router finds about as fast.
 */
public final class KithArmeriaFlags implements FlagsProvider {
  @Override
  public int priority() {
    return 100; // above Armeria's defaults, below its system-property provider
  }

  @Override
  public String name() {
    return "kith";
  }

  @Override
  public String routeCacheSpec() {
    return "off";
  }

  @Override
  public String routeDecoratorCacheSpec() {
    return "off";
  }
}
