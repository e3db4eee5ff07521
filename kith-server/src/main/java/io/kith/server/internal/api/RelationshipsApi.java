package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.json.Json;
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
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    if (!shown.isEmpty()) {
      for (Relationship r : api.store().relationships(me, shown, api.clock().instant())) {
        ViewerState.write(items.addObject().put("id", r.other().toString()), r);
      }
    }
    return Responses.ok(body);
  }
}
