package io.kith.server.internal.api;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.Position;
import io.kith.server.internal.api.wire.ListItems.Followed;
import io.kith.server.internal.api.wire.Page;
import io.kith.server.internal.api.wire.UserCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders an already computed page of follows (from a graph query) as {@code {items: [card + followed_at],
 * next_cursor}}, with one batched user read and one batched card build per page.
 */
final class EdgeCardPages {
  private final ApiContext api;

  EdgeCardPages(ApiContext api) {
    this.api = api;
  }

  Page<Followed> render(EdgePage page, Optional<UserId> viewer, Function<Position, String> cursorOf) {
    Map<UserId, UserCard> cards = api.cards().cardsById(page.edges().stream().map(Edge::other).toList(), viewer);
    List<Followed> items = new ArrayList<>(page.edges().size());
    for (Edge edge : page.edges()) {
      UserCard card = cards.get(edge.other());
      if (card != null) { // null: deleted between the page read and the user read
        items.add(new Followed(card, edge.at()));
      }
    }
    return new Page<>(items, page.next().map(cursorOf).orElse(null));
  }
}
