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

/** {@code GET /v1/relationships?ids=}: how the caller stands with each of up to 100 users, in the order asked. */
public final class RelationshipsApi {
  private final ApiContext api;

  public RelationshipsApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse get(ApiRequest request) {
    UserId me = request.caller().userId();
    List<UserId> ids = QueryArguments.ids(request.query("ids"));
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    for (Relationship r : api.store().relationships(me, ids)) {
      items.addObject()
          .put("id", r.other().toString())
          .put("following", r.following())
          .put("followed_by", r.followedBy())
          .put("friend", r.friend());
    }
    return Responses.ok(body);
  }
}
