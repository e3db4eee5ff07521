package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Post;
import io.kith.core.UserId;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;

/**
 * {@code POST /v1/me/follow-requests/{id}/accept|reject}: the owner of a private account answers a pending request;
 * 404 when that user has no pending request (already answered, withdrawn, or never sent).
 */
public final class FollowRequestsApi {
  private final ApiContext api;

  public FollowRequestsApi(ApiContext api) {
    this.api = api;
  }

  @Post("/v1/me/follow-requests/{id}/accept")
  @Access(Access.Who.USER)
  public void accept(Caller caller, UserId requester) {
    api.relations().answerRequest().accept(caller.userId(), requester);
  }

  @Post("/v1/me/follow-requests/{id}/reject")
  @Access(Access.Who.USER)
  public void reject(Caller caller, UserId requester) {
    api.relations().answerRequest().reject(caller.userId(), requester);
  }
}
