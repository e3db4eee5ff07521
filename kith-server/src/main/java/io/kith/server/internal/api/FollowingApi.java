package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.UserId;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.json.Json;

/** {@code PUT/DELETE /v1/me/following/{id}}: both idempotent, as PUT and DELETE promise. */
public final class FollowingApi {
  private final ApiContext api;

  public FollowingApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse follow(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    api.follow().execute(me, target);
    ObjectNode body = Json.object();
    body.put("state", "following");
    return Responses.ok(body);
  }

  public AggregatedHttpResponse unfollow(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    api.unfollow().execute(me, target);
    return Responses.noContent();
  }
}
