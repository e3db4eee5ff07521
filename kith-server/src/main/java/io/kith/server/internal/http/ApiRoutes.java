package io.kith.server.internal.http;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.ServerBuilder;
import io.kith.core.spi.EdgeList;
import io.kith.server.internal.api.AccountsApi;
import io.kith.server.internal.api.ApiContext;
import io.kith.server.internal.api.FollowRequestsApi;
import io.kith.server.internal.api.FollowingApi;
import io.kith.server.internal.api.ListsApi;
import io.kith.server.internal.api.MeApi;
import io.kith.server.internal.api.OpsApi;
import io.kith.server.internal.api.OwnListsApi;
import io.kith.server.internal.api.RelationshipsApi;
import io.kith.server.internal.api.SafetyApi;
import io.kith.server.internal.api.SessionsApi;
import io.kith.server.internal.api.UsersApi;
import io.kith.server.internal.auth.Authenticator;
import java.time.Duration;

/** The API's route table, in one place so it reads like the endpoint list in docs/api.md. */
public final class ApiRoutes {
  /** How long a write that scales with the account (see {@link #bindLongWrite}) may take. */
  static final Duration LONG_WRITE_TIMEOUT = Duration.ofMinutes(10);

  private final ServerBuilder server;
  private final Authenticator authenticator;

  private ApiRoutes(ServerBuilder server, Authenticator authenticator) {
    this.server = server;
    this.authenticator = authenticator;
  }

  public static void register(ServerBuilder server, ApiContext api, Authenticator authenticator, OpsApi ops) {
    ApiRoutes routes = new ApiRoutes(server, authenticator);
    AccountsApi accounts = new AccountsApi(api);
    SessionsApi sessions = new SessionsApi(api);
    MeApi me = new MeApi(api);
    UsersApi users = new UsersApi(api);
    FollowingApi following = new FollowingApi(api);
    FollowRequestsApi requests = new FollowRequestsApi(api);
    SafetyApi safety = new SafetyApi(api);
    RelationshipsApi relationships = new RelationshipsApi(api);

    routes.bind(HttpMethod.POST, "/v1/accounts", accounts::create);
    routes.bind(HttpMethod.POST, "/v1/sessions", sessions::logIn);
    routes.bind(HttpMethod.DELETE, "/v1/sessions/current", sessions::logOut);
    routes.bind(HttpMethod.GET, "/v1/me", me::get);
    routes.bindLongWrite(HttpMethod.PATCH, "/v1/me", me::update);
    routes.bindLongWrite(HttpMethod.DELETE, "/v1/me", me::delete);
    routes.bind(HttpMethod.PUT, "/v1/me/following/{id}", following::follow);
    routes.bind(HttpMethod.DELETE, "/v1/me/following/{id}", following::unfollow);
    routes.bind(HttpMethod.DELETE, "/v1/me/followers/{id}", following::removeFollower);
    routes.bind(HttpMethod.GET, "/v1/me/follow-requests", new OwnListsApi(api, EdgeList.REQUESTS_IN)::page);
    routes.bind(HttpMethod.GET, "/v1/me/follow-requests/outgoing",
        new OwnListsApi(api, EdgeList.REQUESTS_OUT)::page);
    routes.bind(HttpMethod.POST, "/v1/me/follow-requests/{id}/accept", requests::accept);
    routes.bind(HttpMethod.POST, "/v1/me/follow-requests/{id}/reject", requests::reject);
    routes.bind(HttpMethod.GET, "/v1/me/blocks", new OwnListsApi(api, EdgeList.BLOCKING)::page);
    routes.bind(HttpMethod.PUT, "/v1/me/blocks/{id}", safety::block);
    routes.bind(HttpMethod.DELETE, "/v1/me/blocks/{id}", safety::unblock);
    routes.bind(HttpMethod.GET, "/v1/me/mutes", new OwnListsApi(api, EdgeList.MUTING)::page);
    routes.bind(HttpMethod.PUT, "/v1/me/mutes/{id}", safety::mute);
    routes.bind(HttpMethod.DELETE, "/v1/me/mutes/{id}", safety::unmute);
    routes.bind(HttpMethod.GET, "/v1/users", users::batch);
    routes.bind(HttpMethod.GET, "/v1/users/by-handle/{handle}", users::byHandle);
    routes.bind(HttpMethod.GET, "/v1/users/{id}", users::byId);
    routes.bind(HttpMethod.GET, "/v1/users/{id}/followers", new ListsApi(api, EdgeList.FOLLOWERS)::page);
    routes.bind(HttpMethod.GET, "/v1/users/{id}/following", new ListsApi(api, EdgeList.FOLLOWING)::page);
    routes.bind(HttpMethod.GET, "/v1/users/{id}/friends", new ListsApi(api, EdgeList.FRIENDS)::page);
    routes.bind(HttpMethod.GET, "/v1/relationships", relationships::get);
    routes.bind(HttpMethod.GET, "/health", ops::health);
    routes.bind(HttpMethod.GET, "/metrics", ops::metrics);
  }

  /**
   * For writes whose work grows with the account: going public approves every pending request, deleting an
   * account removes every edge. Armeria's default 10 s would cut them off on a large account (the store finishes
   * the work anyway, but the client would hear of a failure).
   */
  private void bindLongWrite(HttpMethod method, String path, ApiHandler handler) {
    server.route().methods(method).path(path).requestTimeout(LONG_WRITE_TIMEOUT)
        .build(new BlockingApiService(handler, authenticator));
  }

  private void bind(HttpMethod method, String path, ApiHandler handler) {
    server.route().methods(method).path(path).build(new BlockingApiService(handler, authenticator));
  }
}
