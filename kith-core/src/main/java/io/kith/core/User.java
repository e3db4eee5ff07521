package io.kith.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A user's profile as stored. Fields are validated on construction by {@link ProfileRules}, so a {@code User} that
 * exists is a valid one whichever backend it came from.
 *
 * @param displayName never null; empty when unset
 * @param bio never null; empty when unset
 * @param avatarUrl null when unset
 * @param isPrivate follows become requests the user approves, and only approved followers see the lists
 * @param listsVisibility who may see the lists of a public account
 * @param discoverable whether the user may be suggested to others ("people you may know", popular accounts)
 */
public record User(UserId id, Handle handle, String displayName, String bio, String avatarUrl, boolean isPrivate,
                   ListsVisibility listsVisibility, boolean discoverable, Instant createdAt) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(listsVisibility, "listsVisibility");
    // Millisecond precision everywhere: what a backend stores is exactly what was created.
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    // The stored-data rules: input is checked by ProfileRules' input rules before it becomes a User.
    displayName = ProfileRules.storedDisplayName("display_name", displayName == null ? "" : displayName);
    bio = ProfileRules.storedBio("bio", bio == null ? "" : bio);
    avatarUrl = avatarUrl == null ? null : ProfileRules.avatarUrl("avatar_url", avatarUrl);
  }

  /** A discoverable user whose lists everyone may see. */
  public User(UserId id, Handle handle, String displayName, String bio, String avatarUrl, boolean isPrivate,
              Instant createdAt) {
    this(id, handle, displayName, bio, avatarUrl, isPrivate, ListsVisibility.EVERYONE, true, createdAt);
  }

  /** Applies the fields present in {@code update}, keeping the others. */
  public User with(ProfileUpdate update) {
    return new User(id,
        update.handle().orElse(handle),
        update.displayName().orElse(displayName),
        update.bio().orElse(bio),
        update.avatarUrl().isPresent() ? update.avatarUrl().get().orElse(null) : avatarUrl,
        update.isPrivate().orElse(isPrivate),
        update.listsVisibility().orElse(listsVisibility),
        update.discoverable().orElse(discoverable),
        createdAt);
  }
}
