package io.kith.server.internal.http;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.ServerBuilder;
import io.kith.core.query.PopularAccounts;
import io.kith.core.spi.EdgeList;
import io.kith.server.internal.api.ApiContext;
import io.kith.server.internal.api.EdgeIdsApi;
import io.kith.server.internal.api.GraphQueriesApi;
import io.kith.server.internal.api.SuggestionsApi;
import io.kith.server.internal.auth.Authenticator;
import io.kith.server.internal.auth.ServiceAuthenticator;
import io.kith.server.internal.auth.ServiceTokens;

/** The graph-query routes (docs/api.md, "Graph queries") and the service-token routes for fan-out. */
public final class GraphRoutes {
  private GraphRoutes() {}

  public static void register(ServerBuilder server, ApiContext api, Authenticator users,
                              ServiceTokens serviceTokens, PopularAccounts popular) {
    GraphQueriesApi graph = new GraphQueriesApi(api);
    SuggestionsApi suggestions = new SuggestionsApi(api, popular);
    ServiceAuthenticator services = new ServiceAuthenticator(serviceTokens, users);

    bind(server, users, HttpMethod.GET, "/v1/users/{id}/known-followers", graph::knownFollowers);
    bind(server, users, HttpMethod.GET, "/v1/users/{id}/mutual-following", graph::mutualFollowing);
    bind(server, users, HttpMethod.GET, "/v1/me/follow-back", graph::followBack);
    bind(server, users, HttpMethod.GET, "/v1/me/suggestions", suggestions::list);
    bind(server, users, HttpMethod.DELETE, "/v1/me/suggestions/{id}", suggestions::dismiss);
    bindService(server, users, services, "/v1/users/{id}/followers/ids", new EdgeIdsApi(api, EdgeList.FOLLOWERS),
        ServiceTokens.FOLLOWERS_READ);
    bindService(server, users, services, "/v1/users/{id}/following/ids", new EdgeIdsApi(api, EdgeList.FOLLOWING),
        ServiceTokens.FOLLOWING_READ);
  }

  private static void bindService(ServerBuilder server, Authenticator users, ServiceAuthenticator services,
                                  String path, EdgeIdsApi api, String scope) {
    server.route().methods(HttpMethod.GET).path(path)
        .build(new ServiceApiService(api::page, users, services, scope));
  }

  private static void bind(ServerBuilder server, Authenticator users, HttpMethod method, String path,
                           ApiHandler handler) {
    server.route().methods(method).path(path).build(new BlockingApiService(handler, users));
  }
}
