package io.kith.server.internal.api;

import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.query.Visibility;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads users as a viewer may see them. A user that blocks the viewer is, to that viewer, exactly a user that does
 * not exist: same status, same detail.
 */
final class VisibleUsers {
  private final KithStore store;
  private final Clock clock;

  VisibleUsers(KithStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A user seen by a viewer, with how the viewer stands with it (empty for anonymous viewers). */
  record Seen(User user, Optional<Relationship> relationship) {}

  Seen byId(UserId id, Optional<UserId> viewer) {
    return store.user(id).flatMap(user -> seenBy(user, viewer))
        .orElseThrow(() -> KithException.notFound("no user with id " + id));
  }

  Seen byHandle(Handle handle, Optional<UserId> viewer) {
    return store.userByHandle(handle).flatMap(user -> seenBy(user, viewer))
        .orElseThrow(() -> KithException.notFound("no user with handle " + handle));
  }

  /**
   * The users among {@code ids} that exist and do not block the viewer, in order. Users the viewer blocks stay: the
   * blocker sees them (as {@code blocking}) wherever it asks by id, as on a single card.
   */
  List<User> batch(List<UserId> ids, Optional<UserId> viewer) {
    List<User> users = store.users(ids);
    if (viewer.isEmpty() || users.isEmpty()) {
      return users;
    }
    Set<UserId> blockers = blockers(viewer.get(), users.stream().map(User::id).toList());
    return blockers.isEmpty() ? users : users.stream().filter(u -> !blockers.contains(u.id())).toList();
  }

  /**
   * {@link #batch} for answers that need only the ids (relationships): existence is checked without reading the
   * records, which a store may answer from memory.
   */
  List<UserId> batchIds(List<UserId> ids, UserId viewer) {
    List<UserId> existing = store.existingUsers(ids);
    if (existing.isEmpty()) {
      return existing;
    }
    Set<UserId> blockers = blockers(viewer, existing);
    return blockers.isEmpty() ? existing : existing.stream().filter(id -> !blockers.contains(id)).toList();
  }

  /** The users among {@code ids} that block the viewer. */
  private Set<UserId> blockers(UserId viewer, List<UserId> ids) {
    // Blocks are rare: one cheap read finds any, and only those few are read again to tell the direction.
    List<UserId> blocked = List.copyOf(store.blockedEitherWay(viewer, ids));
    if (blocked.isEmpty()) {
      return Set.of();
    }
    Set<UserId> blockers = new HashSet<>();
    for (Relationship relationship : store.relationships(viewer, blocked, clock.instant())) {
      if (!Visibility.canSeeUser(Optional.of(relationship))) {
        blockers.add(relationship.other());
      }
    }
    return blockers;
  }

  private Optional<Seen> seenBy(User user, Optional<UserId> viewer) {
    if (viewer.isEmpty()) {
      return Optional.of(new Seen(user, Optional.empty()));
    }
    Relationship relationship = store.relationships(viewer.get(), List.of(user.id()), clock.instant()).getFirst();
    if (!Visibility.canSeeUser(Optional.of(relationship))) {
      return Optional.empty();
    }
    return Optional.of(new Seen(user, Optional.of(relationship)));
  }
}
