package io.kith.core;

/** How the viewer stands with {@code other}: whether each follows the other. A friend is a mutual follow. */
public record Relationship(UserId other, boolean following, boolean followedBy) {
  public boolean friend() {
    return following && followedBy;
  }
}
