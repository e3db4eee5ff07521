package io.kith.server.internal.http;

import com.linecorp.armeria.common.DependencyInjector;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.TransientServiceOption;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.Put;
import com.linecorp.armeria.server.prometheus.PrometheusExpositionService;
import io.kith.core.query.PopularAccounts;
import io.kith.server.internal.api.AccountsApi;
import io.kith.server.internal.api.ApiContext;
import io.kith.server.internal.api.EdgeIdsApi;
import io.kith.server.internal.api.FollowRequestsApi;
import io.kith.server.internal.api.FollowingApi;
import io.kith.server.internal.api.GraphQueriesApi;
import io.kith.server.internal.api.ListsApi;
import io.kith.server.internal.api.MeApi;
import io.kith.server.internal.api.OwnListsApi;
import io.kith.server.internal.api.RelationshipsApi;
import io.kith.server.internal.api.SafetyApi;
import io.kith.server.internal.api.SessionsApi;
import io.kith.server.internal.api.SuggestionsApi;
import io.kith.server.internal.api.UsersApi;
import io.kith.server.internal.auth.Authenticator;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.auth.ServiceAuthenticator;
import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.internal.json.JsonBodies;
import io.kith.server.internal.json.JsonBody;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * The API's routes, in one place: each class below is an Armeria annotated service whose methods carry their route
 * ({@code @Get("/v1/me")}...) and their {@link Access}, in the order of docs/api.md's endpoint table, followed by
 * {@code /health} and {@code /metrics}. They all share
 * one binding: the caller, {@code UserId} and JSON-body converters, JSON responses, and no executor of their own
 * (their {@link AccessDecorator} already moved them to the blocking task executor, and renders their failures as
 * problems).
 */
public final class ApiRoutes {
  /** How long a write that scales with the account may take (PATCH and DELETE /v1/me), instead of Armeria's 10 s. */
  public static final long LONG_WRITE_TIMEOUT_MILLIS = 10 * 60 * 1000L;

  private static final List<Class<? extends Annotation>> ROUTE_ANNOTATIONS =
      List.of(Get.class, Post.class, Put.class, Patch.class, Delete.class);

  private ApiRoutes() {}

  public static void register(ServerBuilder server, ApiContext api, Authenticator users, ServiceTokens serviceTokens,
                              PopularAccounts popular, PrometheusMeterRegistry registry) {
    AccessDecorator.Factory access = new AccessDecorator.Factory(users, new ServiceAuthenticator(serviceTokens, users));
    // Armeria builds each route's @Access decorator with this one instance (it needs the authenticators).
    server.dependencyInjector(DependencyInjector.ofSingletons(access), false);
    for (Object service : List.of(
        new AccountsApi(api),
        new SessionsApi(api),
        new MeApi(api),
        new FollowingApi(api),
        new OwnListsApi(api),
        new FollowRequestsApi(api),
        new SafetyApi(api),
        new UsersApi(api),
        new ListsApi(api),
        new RelationshipsApi(api),
        new GraphQueriesApi(api),
        new SuggestionsApi(api, popular),
        new EdgeIdsApi(api))) {
      requireDeclaredAccess(service.getClass());
      server.annotatedService()
          .requestConverters(new CallerConverter(), new UserIdConverter(), new JsonBodyConverter())
          .responseConverters(new JsonResponseConverter())
          .useBlockingTaskExecutor(false) // see AccessDecorator: one hop, in one place
          .build(service);
    }
    // For load balancers and scrapers: Armeria's own services, off the event loop too (the store's health check
    // may query it, a scrape walks every meter).
    server.route().get("/health").build(StoreHealth.service(api.store()).decorate(access.anyone()));
    server.route().get("/metrics").build(PrometheusExpositionService.builder(registry.getPrometheusRegistry())
        .transientServiceOptions(TransientServiceOption.allOf()).build().decorate(access.anyone()));
  }

  /**
   * Refuses to start a server with a route that does not declare its {@link Access} (it would run unauthenticated
   * on the event loop), whose handler takes a caller its access does not resolve, or whose body has a field the
   * strict reader cannot read.
   */
  static void requireDeclaredAccess(Class<?> service) {
    for (Method method : service.getMethods()) {
      if (ROUTE_ANNOTATIONS.stream().noneMatch(method::isAnnotationPresent)) {
        continue;
      }
      String name = service.getSimpleName() + "." + method.getName();
      Access access = method.getAnnotation(Access.class);
      if (access == null) {
        throw new IllegalStateException(name + " declares no @Access");
      }
      if ((access.value() == Access.Who.SERVICE) == access.scope().isEmpty()) {
        throw new IllegalStateException(name + ": a scope is for SERVICE access only, and SERVICE needs one");
      }
      for (Class<?> parameter : method.getParameterTypes()) {
        if (parameter.isAnnotationPresent(JsonBody.class)) {
          JsonBodies.requireReadable(parameter);
        }
      }
      for (Type parameter : method.getGenericParameterTypes()) {
        boolean required = parameter == Caller.class;
        boolean optional = parameter instanceof ParameterizedType p && p.getRawType() == Optional.class
            && p.getActualTypeArguments()[0] == Caller.class;
        if ((required && access.value() != Access.Who.USER)
            || (optional && access.value() != Access.Who.ANYONE_OR_USER)) {
          throw new IllegalStateException(name + " takes " + parameter.getTypeName() + " but its access is "
              + access.value() + " (Caller: USER, Optional<Caller>: ANYONE_OR_USER)");
        }
      }
    }
  }
}
