package io.kith.server;

import com.linecorp.armeria.server.Route;
import com.linecorp.armeria.server.RoutePathType;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import io.kith.core.IdGenerator;
import io.kith.core.limit.LoginLimits;
import io.kith.core.limit.RateLimit;
import io.kith.core.limit.RateLimiter;
import io.kith.core.query.ListReader;
import io.kith.core.query.PopularAccounts;
import io.kith.core.relation.AnswerRequest;
import io.kith.core.relation.Block;
import io.kith.core.relation.Follow;
import io.kith.core.relation.Mute;
import io.kith.core.relation.RelationLimits;
import io.kith.core.relation.RelationListener;
import io.kith.core.relation.RemoveFollower;
import io.kith.core.relation.Unfollow;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.api.AccessLimits;
import io.kith.server.internal.api.ApiContext;
import io.kith.server.internal.api.LimitPruner;
import io.kith.server.internal.api.PopularRefresher;
import io.kith.server.internal.api.UserCards;
import io.kith.server.internal.auth.Authenticator;
import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.internal.auth.PasswordHasher;
import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.internal.auth.SessionCache;
import io.kith.server.internal.http.AccessLogDecorator;
import io.kith.server.internal.http.AllowedMethods;
import io.kith.server.internal.http.ApiRoutes;
import io.kith.server.internal.http.Compression;
import io.kith.server.internal.http.CorsOrigins;
import io.kith.server.internal.http.ProblemErrorHandler;
import io.kith.server.internal.http.RouteTag;
import io.kith.server.internal.openapi.OpenApiRoutes;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kith HTTP/JSON API server. Build one with {@link #builder()}, {@link #start()} it, and {@link #stop()} it
 * before closing the store it serves.
 */
public final class KithServer implements AutoCloseable {
  private final Server server;
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics;
  private final LimitPruner limitPruner;
  private final PopularRefresher popularRefresher;
  private final IdGenerator ids;

  KithServer(KithServerBuilder config) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);

    KithStore store = KithStore.withRetries(config.store, config.storeAttempts, config.storeBackoff);
    RateLimiter rateLimiter = new RateLimiter(store, config.clock);
    RelationLimits relationLimits =
        RelationLimits.of(config.maxFollowing, config.followLimitPerDay, config.followLimitPerMinute);
    AccessLimits accessLimits = AccessLimits.of(LoginLimits.of(config.loginFailureLimitPerAddress,
        config.loginFailureLimit, config.loginKnownAddressDays), config.signupLimitPerIpHour);
    ApiContext.Relations relations = new ApiContext.Relations(
        new Follow(store, config.clock, relationLimits, rateLimiter, RelationListener.NONE),
        new Unfollow(store, RelationListener.NONE),
        new RemoveFollower(store, RelationListener.NONE),
        new AnswerRequest(store, config.clock, RelationListener.NONE),
        new Block(store, config.clock, RelationListener.NONE),
        new Mute(store, config.clock));
    // A node id leased from the store, so that nodes sharing it never issue one id twice, whatever their flags.
    ids = IdGenerator.leased(store.leaseNodeId(config.nodeId, config.clock), config.clock);
    SessionCache sessions = SessionCache.of(store, config.sessionCacheSize, config.sessionCacheTtl, config.clock);
    ApiContext api = new ApiContext(store, config.clock, ids,
        new PasswordHasher(config.argon2), new BearerTokens(), config.tokenLifetime, relations,
        new ListReader(store, config.clock), rateLimiter, accessLimits, new UserCards(store, config.clock),
        sessions);
    ServiceTokens serviceTokens = new ServiceTokens(config.serviceTokens);
    Authenticator authenticator = new Authenticator(store, config.clock, serviceTokens, sessions);
    PopularAccounts popular = new PopularAccounts(store, PopularRefresher.KEEP);
    popularRefresher = new PopularRefresher(popular, config.popularRefreshInterval);
    List<RateLimit> limits = new ArrayList<>(accessLimits.all());
    limits.add(relationLimits.followsPerDay());
    limits.add(relationLimits.followsPerMinute());
    limitPruner = new LimitPruner(rateLimiter, limits, config.limitPruneInterval);

    AllowedMethods allowedMethods = new AllowedMethods();
    ServerBuilder sb = Server.builder()
        .http(config.port)
        .maxRequestLength(config.maxRequestBytes)
        .blockingTaskExecutor(config.blockingThreads)
        .meterRegistry(registry)
        .gracefulShutdownTimeout(config.shutdownQuietPeriod, config.shutdownTimeout)
        .errorHandler(new ProblemErrorHandler(allowedMethods));
    if (config.trustForwardedFor) {
      // Armeria reads Forwarded and X-Forwarded-For by default but believes them only from trusted proxies.
      sb.clientAddressTrustedProxyFilter(address -> true);
    }
    ApiRoutes.register(sb, api, authenticator, serviceTokens, popular, registry);
    OpenApiRoutes.register(sb);
    sb.decorator(Compression.decorator());
    if (!config.corsOrigins.isEmpty()) {
      sb.decorator(CorsOrigins.decorator(config.corsOrigins));
    }
    sb.decorator(MetricCollectingService.newDecorator(RouteTag.meterIdPrefixFunction()));
    sb.decorator(new AccessLogDecorator());
    server = sb.build();
    allowedMethods.learn(server.serviceConfigs());
  }

  public static KithServerBuilder builder() {
    return new KithServerBuilder();
  }

  /** Binds the port and returns once the server accepts requests. */
  public KithServer start() {
    server.start().join();
    limitPruner.start();
    popularRefresher.start();
    return this;
  }

  /**
   * Recomputes the popular accounts now, on the calling thread (it scans every user). The server does this by
   * itself in the background at start and then on its {@code popularRefreshInterval}; this is for tests and
   * operators who want a fresh ranking at once.
   */
  public void refreshPopularAccounts() {
    popularRefresher.refresh();
  }

  /**
   * The route table as {@code "GET /v1/users/{id}"} entries, sorted: what the server answers, read from the built
   * server (the OpenAPI contract test compares it with {@code /openapi.json}).
   */
  public List<String> routes() {
    List<String> routes = new ArrayList<>();
    for (ServiceConfig service : server.serviceConfigs()) {
      Route route = service.route();
      if (route.pathType() == RoutePathType.EXACT || route.pathType() == RoutePathType.PARAMETERIZED) {
        String path = route.patternString().replaceAll(":([A-Za-z_]+)", "{$1}");
        route.methods().forEach(method -> routes.add(method.name() + " " + path));
      }
    }
    routes.sort(null);
    return routes;
  }

  /** The bound port; useful after {@link KithServerBuilder#port(int) port(0)}. */
  public int port() {
    return server.activeLocalPort();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Stops accepting requests, lets in-flight ones finish (graceful shutdown), and returns once stopped. */
  public void stop() {
    limitPruner.stop();
    popularRefresher.stop();
    server.stop().join();
    ids.close();
    gcMetrics.close();
    registry.close();
  }

  /** Blocks the calling thread until the server has stopped. */
  public void awaitStop() {
    server.whenClosed().join();
  }

  @Override
  public void close() {
    stop();
  }
}
