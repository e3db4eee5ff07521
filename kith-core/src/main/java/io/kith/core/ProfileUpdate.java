package io.kith.core;

import java.util.Optional;

/**
 * A partial profile change: an empty field is left as it is. {@code avatarUrl} is doubly optional because "remove
 * my avatar" (present, empty) differs from "leave it" (absent).
 */
public record ProfileUpdate(Optional<Handle> handle, Optional<String> displayName, Optional<String> bio,
                            Optional<Optional<String>> avatarUrl, Optional<Boolean> isPrivate,
                            Optional<ListsVisibility> listsVisibility, Optional<Boolean> discoverable) {
  public ProfileUpdate {
    displayName = displayName.map(v -> ProfileRules.displayName("display_name", v));
    bio = bio.map(v -> ProfileRules.bio("bio", v));
    avatarUrl = avatarUrl.map(v -> v.map(url -> ProfileRules.avatarUrl("avatar_url", url)));
  }

  public static ProfileUpdate none() {
    return new ProfileUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ProfileUpdate withHandle(Handle value) {
    return new ProfileUpdate(Optional.of(value), displayName, bio, avatarUrl, isPrivate, listsVisibility, discoverable);
  }

  public ProfileUpdate withDisplayName(String value) {
    return new ProfileUpdate(handle, Optional.of(value), bio, avatarUrl, isPrivate, listsVisibility, discoverable);
  }

  public ProfileUpdate withBio(String value) {
    return new ProfileUpdate(handle, displayName, Optional.of(value), avatarUrl,
        isPrivate, listsVisibility, discoverable);
  }

  /** {@code null} removes the avatar. */
  public ProfileUpdate withAvatarUrl(String value) {
    return new ProfileUpdate(handle, displayName, bio, Optional.of(Optional.ofNullable(value)), isPrivate,
        listsVisibility, discoverable);
  }

  public ProfileUpdate withPrivate(boolean value) {
    return new ProfileUpdate(handle, displayName, bio, avatarUrl, Optional.of(value), listsVisibility, discoverable);
  }

  public ProfileUpdate withListsVisibility(ListsVisibility value) {
    return new ProfileUpdate(handle, displayName, bio, avatarUrl, isPrivate, Optional.of(value), discoverable);
  }

  public ProfileUpdate withDiscoverable(boolean value) {
    return new ProfileUpdate(handle, displayName, bio, avatarUrl, isPrivate, listsVisibility, Optional.of(value));
  }

  public boolean isEmpty() {
    return handle.isEmpty() && displayName.isEmpty() && bio.isEmpty() && avatarUrl.isEmpty() && isPrivate.isEmpty()
        && listsVisibility.isEmpty() && discoverable.isEmpty();
  }
}
