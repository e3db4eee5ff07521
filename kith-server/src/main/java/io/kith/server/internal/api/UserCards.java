package io.kith.server.internal.api;

import io.kith.core.Counts;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.api.wire.UserCard;
import io.kith.server.internal.api.wire.Viewer;
import io.kith.server.internal.api.wire.ViewerState;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds user cards (profile, counts and the viewer's relation) for many users with one batched store call per
 * kind of data, never one call per user.
 */
public final class UserCards {
  private final KithStore store;
  private final Clock clock;

  public UserCards(KithStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public UserCard card(User user, Optional<UserId> viewer) {
    return cards(List.of(user), viewer).getFirst();
  }

  /** One card per user, in the order given. */
  public List<UserCard> cards(List<User> users, Optional<UserId> viewer) {
    if (users.isEmpty()) {
      return List.of();
    }
    List<UserId> ids = users.stream().map(User::id).toList();
    Map<UserId, Counts> counts = store.counts(ids);
    Map<UserId, Relationship> relations = new HashMap<>();
    viewer.ifPresent(v -> store.relationships(v, ids, clock.instant()).forEach(r -> relations.put(r.other(), r)));
    return users.stream().map(user -> {
      Relationship r = relations.get(user.id());
      return UserCard.of(user, counts.getOrDefault(user.id(), Counts.ZERO),
          r == null ? null : Viewer.of(ViewerState.of(r)));
    }).toList();
  }

  /** The cards of {@code ids} that still exist, by id: for answers that list users in an order of their own. */
  public Map<UserId, UserCard> cardsById(List<UserId> ids, Optional<UserId> viewer) {
    List<User> users = store.users(ids);
    List<UserCard> cards = cards(users, viewer);
    Map<UserId, UserCard> byId = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      byId.put(users.get(i).id(), cards.get(i));
    }
    return byId;
  }
}
