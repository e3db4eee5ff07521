package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.ListsVisibility;
import io.kith.core.User;
import io.kith.core.UserId;
import java.time.Instant;

/**
 * A user as others see it: the public profile, its counts and, for a signed-in viewer, how the viewer stands with
 * it ({@code viewer}, absent for anonymous callers and on the caller's own card).
 */
public record UserCard(UserId id, Handle handle, String displayName, String bio, String avatarUrl,
                       @JsonProperty("private") boolean isPrivate, ListsVisibility listsVisibility, Instant createdAt,
                       Counts counts, @JsonInclude(JsonInclude.Include.NON_NULL) Viewer viewer) {

  public static UserCard of(User user, Counts counts, Viewer viewer) {
    return new UserCard(user.id(), user.handle(), user.displayName(), user.bio(), user.avatarUrl(),
        user.isPrivate(), user.listsVisibility(), user.createdAt(), counts, viewer);
  }

  /** This card with {@code viewer.known_followers} set. */
  public UserCard withKnownFollowers(KnownFollowersSummary knownFollowers) {
    return new UserCard(id, handle, displayName, bio, avatarUrl, isPrivate, listsVisibility, createdAt, counts,
        (viewer == null ? new Viewer(null, null) : viewer).withKnownFollowers(knownFollowers));
  }
}
