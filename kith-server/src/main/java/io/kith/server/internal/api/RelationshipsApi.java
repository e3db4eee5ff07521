package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.UserId;
import io.kith.server.internal.api.wire.Items;
import io.kith.server.internal.api.wire.RelationshipItem;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import java.util.List;

/**
 * {@code GET /v1/relationships?ids=}: how the caller stands with each of up to 100 users, in the order asked, a
 * repeated id once. Ids of users that do not exist, and users that block the caller, are left out, so a blocked
 * caller cannot tell its blocker from a missing account; users the caller blocks are there, with {@code blocking}.
 */
public final class RelationshipsApi {
  private final ApiContext api;
  private final VisibleUsers visible;

  public RelationshipsApi(ApiContext api) {
    this.api = api;
    this.visible = new VisibleUsers(api.store(), api.clock());
  }

  public AggregatedHttpResponse get(ApiRequest request) {
    UserId me = request.caller().userId();
    List<UserId> ids = QueryArguments.ids(request.query("ids"));
    List<UserId> shown = visible.batchIds(ids, me);
    List<RelationshipItem> items = shown.isEmpty() ? List.of()
        : api.store().relationships(me, shown, api.clock().instant()).stream().map(RelationshipItem::of).toList();
    return Responses.ok(new Items<>(items));
  }
}
