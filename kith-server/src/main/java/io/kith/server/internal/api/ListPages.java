package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.json.Json;
import io.kith.server.internal.paging.Cursors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one page of a list as the viewer may see it and renders it as {@code {items: [card + time], next_cursor}}. */
final class ListPages {
  private final ApiContext api;

  ListPages(ApiContext api) {
    this.api = api;
  }

  /** The page the request asks for ({@code limit}, {@code cursor}); 400 on a bad limit or a foreign cursor. */
  static PageRequest pageRequest(ApiRequest request, EdgeList list, UserId owner) {
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = request.query("cursor").map(cursor -> Cursors.decode(cursor, list, owner));
    return new PageRequest(after, limit);
  }

  ObjectNode read(EdgeList list, UserId owner, Optional<UserId> viewer, PageRequest request) {
    EdgePage page = api.lists().page(list, owner, viewer, request);

    List<UserId> ids = page.edges().stream().map(Edge::other).toList();
    List<User> users = api.store().users(ids);
    List<ObjectNode> userCards = api.cards().cards(users, viewer);
    Map<UserId, ObjectNode> cards = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      cards.put(users.get(i).id(), userCards.get(i));
    }

    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    String timeField = timeField(list);
    for (Edge edge : page.edges()) {
      ObjectNode card = cards.get(edge.other());
      if (card == null) { // deleted between the page read and the user read
        continue;
      }
      ObjectNode item = card.deepCopy().put(timeField, edge.at().toString());
      if (list == EdgeList.MUTING) {
        JsonNode expiresAt = card.path("viewer").path("muting_expires_at");
        item.set("expires_at", expiresAt.isMissingNode() ? NullNode.getInstance() : expiresAt);
      }
      items.add(item);
    }
    if (page.next().isPresent()) {
      body.put("next_cursor", Cursors.encode(list, owner, page.next().get()));
    } else {
      body.putNull("next_cursor");
    }
    return body;
  }

  private static String timeField(EdgeList list) {
    return switch (list) {
      case FOLLOWERS, FOLLOWING -> "followed_at";
      case FRIENDS -> "since";
      case REQUESTS_IN, REQUESTS_OUT -> "requested_at";
      case BLOCKING -> "blocked_at";
      case MUTING -> "muted_at";
    };
  }
}
