package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.api.wire.States.State;

/**
 * {@code PUT/DELETE /v1/me/following/{id}} and {@code DELETE /v1/me/followers/{id}}: all idempotent, as PUT and
 * DELETE promise. Following a private account asks to follow it; unfollowing also withdraws such a request.
 */
public final class FollowingApi {
  private final ApiContext api;

  public FollowingApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse follow(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    FollowOutcome outcome = api.follow().execute(me, target, request::tellRateLimit);
    return Responses.ok(new State(switch (outcome) {
      case CREATED, ALREADY_FOLLOWING -> "following";
      case REQUESTED, ALREADY_REQUESTED -> "requested";
    }));
  }

  public AggregatedHttpResponse unfollow(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    api.unfollow().execute(me, target);
    return Responses.noContent();
  }

  /** {@code DELETE /v1/me/followers/{id}}: that user no longer follows me. */
  public AggregatedHttpResponse removeFollower(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId follower = UserId.parse("id", request.pathParam("id"));
    api.relations().removeFollower().execute(me, follower);
    return Responses.noContent();
  }
}
