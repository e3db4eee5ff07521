package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.KithException;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.json.Json;
import io.kith.server.internal.paging.Cursors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /v1/users/{id}/followers|following|friends}: keyset-paged lists of cards, newest relation first. */
public final class ListsApi {
  private final ApiContext api;
  private final EdgeList list;

  public ListsApi(ApiContext api, EdgeList list) {
    this.api = api;
    this.list = list;
  }

  public AggregatedHttpResponse page(ApiRequest request) {
    Optional<UserId> viewer = request.optionalCaller().map(Caller::userId);
    UserId owner = UserId.parse("id", request.pathParam("id"));
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = request.query("cursor").map(cursor -> Cursors.decode(cursor, list, owner));
    if (api.store().user(owner).isEmpty()) {
      throw KithException.notFound("no user with id " + owner);
    }
    EdgePage page = api.store().edges(list, owner, new PageRequest(after, limit));

    List<UserId> ids = page.edges().stream().map(Edge::other).toList();
    List<User> users = api.store().users(ids);
    List<ObjectNode> userCards = api.cards().cards(users, viewer);
    Map<UserId, ObjectNode> cards = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      cards.put(users.get(i).id(), userCards.get(i));
    }

    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    String timeField = list == EdgeList.FRIENDS ? "since" : "followed_at";
    for (Edge edge : page.edges()) {
      ObjectNode card = cards.get(edge.other());
      if (card != null) { // deleted between the page read and the user read
        items.add(card.deepCopy().put(timeField, edge.at().toString()));
      }
    }
    if (page.next().isPresent()) {
      body.put("next_cursor", Cursors.encode(list, owner, page.next().get()));
    } else {
      body.putNull("next_cursor");
    }
    return Responses.ok(body);
  }
}
