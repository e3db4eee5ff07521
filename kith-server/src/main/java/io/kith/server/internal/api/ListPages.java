package io.kith.server.internal.api;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.api.wire.ListItems;
import io.kith.server.internal.api.wire.Page;
import io.kith.server.internal.api.wire.UserCard;
import io.kith.server.internal.paging.Cursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one page of a list as the viewer may see it and renders it as {@code {items: [card + time], next_cursor}}. */
final class ListPages {
  private final ApiContext api;

  ListPages(ApiContext api) {
    this.api = api;
  }

  /** The page a request asks for ({@code limit}, {@code cursor}); 400 on a bad limit or a foreign cursor. */
  static PageRequest pageRequest(Optional<String> limit, Optional<String> cursor, EdgeList list, UserId owner) {
    int size = QueryArguments.limit(limit);
    Optional<Position> after = QueryArguments.text("cursor", cursor).map(c -> Cursors.decode(c, list, owner));
    return new PageRequest(after, size);
  }

  Page<ListItems.Item> read(EdgeList list, UserId owner, Optional<UserId> viewer, PageRequest request) {
    EdgePage page = api.lists().page(list, owner, viewer, request);
    Map<UserId, UserCard> cards = api.cards().cardsById(page.edges().stream().map(Edge::other).toList(), viewer);
    List<ListItems.Item> items = new ArrayList<>(page.edges().size());
    for (Edge edge : page.edges()) {
      UserCard card = cards.get(edge.other());
      if (card != null) { // null: deleted between the page read and the user read
        items.add(item(list, card, edge));
      }
    }
    return new Page<>(items, page.next().map(next -> Cursors.encode(list, owner, next)).orElse(null));
  }

  /** The card with the time its relation began, under the list's own name for it. */
  private static ListItems.Item item(EdgeList list, UserCard card, Edge edge) {
    return switch (list) {
      case FOLLOWERS, FOLLOWING -> new ListItems.Followed(card, edge.at());
      case FRIENDS -> new ListItems.Friend(card, edge.at());
      case REQUESTS_IN, REQUESTS_OUT -> new ListItems.Requested(card, edge.at());
      case BLOCKING -> new ListItems.Blocked(card, edge.at());
      case MUTING -> new ListItems.Muted(card, edge.at(),
          card.viewer() == null ? null : card.viewer().state().mutingExpiresAt());
    };
  }
}
