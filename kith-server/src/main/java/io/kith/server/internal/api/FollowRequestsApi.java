package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.UserId;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;

/**
 * {@code POST /v1/me/follow-requests/{id}/accept|reject}: the owner of a private account answers a pending request;
 * 404 when that user has no pending request (already answered, withdrawn, or never sent).
 */
public final class FollowRequestsApi {
  private final ApiContext api;

  public FollowRequestsApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse accept(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId requester = UserId.parse("id", request.pathParam("id"));
    api.relations().answerRequest().accept(me, requester);
    return Responses.noContent();
  }

  public AggregatedHttpResponse reject(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId requester = UserId.parse("id", request.pathParam("id"));
    api.relations().answerRequest().reject(me, requester);
    return Responses.noContent();
  }
}
