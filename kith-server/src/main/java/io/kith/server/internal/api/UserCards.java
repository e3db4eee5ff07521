package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.core.Counts;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.json.Json;
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

  public static ObjectNode profile(User user) {
    ObjectNode node = Json.object();
    node.put("id", user.id().toString());
    node.put("handle", user.handle().value());
    node.put("display_name", user.displayName());
    node.put("bio", user.bio());
    if (user.avatarUrl() == null) {
      node.putNull("avatar_url");
    } else {
      node.put("avatar_url", user.avatarUrl());
    }
    node.put("private", user.isPrivate());
    node.put("lists_visibility", user.listsVisibility().wireName());
    node.put("created_at", user.createdAt().toString());
    return node;
  }

  public ObjectNode card(User user, Optional<UserId> viewer) {
    return cards(List.of(user), viewer).getFirst();
  }

  /** One card per user, in the order given. */
  public List<ObjectNode> cards(List<User> users, Optional<UserId> viewer) {
    if (users.isEmpty()) {
      return List.of();
    }
    List<UserId> ids = users.stream().map(User::id).toList();
    Map<UserId, Counts> counts = store.counts(ids);
    Map<UserId, Relationship> relations = new HashMap<>();
    viewer.ifPresent(v -> store.relationships(v, ids, clock.instant()).forEach(r -> relations.put(r.other(), r)));
    return users.stream().map(user -> {
      ObjectNode node = profile(user);
      Counts c = counts.getOrDefault(user.id(), Counts.ZERO);
      ObjectNode countsNode = node.putObject("counts");
      countsNode.put("followers", c.followers());
      countsNode.put("following", c.following());
      countsNode.put("friends", c.friends());
      Relationship r = relations.get(user.id());
      if (r != null) {
        ViewerState.write(node.putObject("viewer"), r);
      }
      return node;
    }).toList();
  }
}
