package io.kith.core.query;

import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose lists a viewer may read, for a few users at once, and so which follows it may be told of. The list
 * endpoints are the reference, and every graph answer (known followers, mutual following, follow-back, suggestion
 * reasons) names or counts a follow only if they would show it: a follow {@code a -> b} is <em>visible</em> to a
 * viewer iff it may read {@code a}'s following list and {@code b} is shown there, or it may read {@code b}'s
 * followers list and {@code a} is shown there. A viewer may read a user's lists iff the user does not block it and
 * {@link Visibility#canSeeLists} says so (always its own); a list shows every entry but those blocked either way with
 * the viewer.
 *
 * <p>Built from one batched read of the users' relationships with the viewer (and of the users, unless given).
 */
public final class ListAccess {
  private final Optional<UserId> viewer;
  private final Map<UserId, User> users = new HashMap<>();
  private final Map<UserId, Relationship> relationships = new HashMap<>();

  private ListAccess(Optional<UserId> viewer) {
    this.viewer = Objects.requireNonNull(viewer, "viewer");
  }

  /** Reads the users among {@code ids} and how the viewer (empty: anonymous) stands with each. */
  public static ListAccess read(KithStore store, Optional<UserId> viewer, Collection<UserId> ids, Instant now) {
    return of(store, viewer, store.users(List.copyOf(ids)), now);
  }

  /** As {@link #read}, for users already read: only the relationships are read. */
  public static ListAccess of(KithStore store, Optional<UserId> viewer, List<User> users, Instant now) {
    ListAccess access = new ListAccess(viewer);
    users.forEach(user -> access.users.put(user.id(), user));
    if (viewer.isPresent()) {
      List<UserId> others = access.users.keySet().stream().filter(id -> !id.equals(viewer.get())).toList();
      if (!others.isEmpty()) {
        store.relationships(viewer.get(), others, now).forEach(r -> access.relationships.put(r.other(), r));
      }
    }
    return access;
  }

  /** The user, if it was read, exists and does not block the viewer (one that does is, to it, missing). */
  public Optional<User> visibleUser(UserId id) {
    User user = users.get(id);
    if (user == null || !Visibility.canSeeUser(relationship(id))) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  /** How the viewer stands with {@code id}; empty for anonymous viewers, the viewer itself, or a user not read. */
  public Optional<Relationship> relationship(UserId id) {
    return Optional.ofNullable(relationships.get(id));
  }

  /** Whether the viewer may read {@code id}'s followers, following and friends lists. False for a user not read. */
  public boolean listsReadable(UserId id) {
    if (isViewer(id)) {
      return true;
    }
    return visibleUser(id).map(user -> Visibility.canSeeLists(viewer, user, relationship(id))).orElse(false);
  }

  /** Whether {@code id} is shown as an entry of the lists the viewer may read: not blocked either way with it. */
  public boolean shownInLists(UserId id) {
    if (isViewer(id) || viewer.isEmpty()) {
      return true;
    }
    Relationship relationship = relationships.get(id);
    return relationship != null && !relationship.blockedEitherWay();
  }

  /** Whether the follow {@code follower -> followee} is visible to the viewer; both must have been read here. */
  public boolean followVisible(UserId follower, UserId followee) {
    return followVisible(this, follower, this, followee);
  }

  /** As {@link #followVisible(UserId, UserId)}, with the two sides read in two batches. */
  public static boolean followVisible(ListAccess followerSide, UserId follower, ListAccess followeeSide,
                                      UserId followee) {
    return followerSide.listsReadable(follower) && followeeSide.shownInLists(followee)
        || followeeSide.listsReadable(followee) && followerSide.shownInLists(follower);
  }

  private boolean isViewer(UserId id) {
    return viewer.isPresent() && viewer.get().equals(id);
  }
}
