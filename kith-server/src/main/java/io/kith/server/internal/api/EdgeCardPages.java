package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.Position;
import io.kith.server.internal.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders an already computed page of edges (from a graph query) as {@code {items: [card + time], next_cursor}},
 * with one batched user read and one batched card build per page.
 */
final class EdgeCardPages {
  private final ApiContext api;

  EdgeCardPages(ApiContext api) {
    this.api = api;
  }

  ObjectNode render(EdgePage page, Optional<UserId> viewer, String timeField,
                    Function<Position, String> cursorOf) {
    List<UserId> ids = page.edges().stream().map(Edge::other).toList();
    List<User> users = api.store().users(ids);
    List<ObjectNode> userCards = api.cards().cards(users, viewer);
    Map<UserId, ObjectNode> cards = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      cards.put(users.get(i).id(), userCards.get(i));
    }
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    for (Edge edge : page.edges()) {
      ObjectNode card = cards.get(edge.other());
      if (card != null) { // null: deleted between the page read and the user read
        items.add(card.put(timeField, edge.at().toString()));
      }
    }
    if (page.next().isPresent()) {
      body.put("next_cursor", cursorOf.apply(page.next().get()));
    } else {
      body.putNull("next_cursor");
    }
    return body;
  }
}
