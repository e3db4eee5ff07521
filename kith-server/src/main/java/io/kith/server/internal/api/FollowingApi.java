package io.kith.server.internal.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Put;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.server.internal.api.wire.States.State;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import io.kith.server.internal.http.RateLimitHeaders;

/**
 * {@code PUT/DELETE /v1/me/following/{id}} and {@code DELETE /v1/me/followers/{id}}: all idempotent, as PUT and
 * DELETE promise. Following a private account asks to follow it; unfollowing also withdraws such a request.
 */
public final class FollowingApi {
  private final ApiContext api;

  public FollowingApi(ApiContext api) {
    this.api = api;
  }

  @Put("/v1/me/following/{id}")
  @Access(Access.Who.USER)
  public State follow(Caller caller, UserId target, ServiceRequestContext ctx) {
    FollowOutcome outcome = api.follow().execute(caller.userId(), target, status -> RateLimitHeaders.set(ctx, status));
    return new State(switch (outcome) {
      case CREATED, ALREADY_FOLLOWING -> "following";
      case REQUESTED, ALREADY_REQUESTED -> "requested";
    });
  }

  @Delete("/v1/me/following/{id}")
  @Access(Access.Who.USER)
  public void unfollow(Caller caller, UserId target) {
    api.unfollow().execute(caller.userId(), target);
  }

  /** That user no longer follows me. */
  @Delete("/v1/me/followers/{id}")
  @Access(Access.Who.USER)
  public void removeFollower(Caller caller, UserId follower) {
    api.relations().removeFollower().execute(caller.userId(), follower);
  }
}
