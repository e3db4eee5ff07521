package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** The items of list pages: a card and when the relation it is listed for began. */
public final class ListItems {
  private ListItems() {}

  /** Any item of a list page. */
  public sealed interface Item permits Followed, Friend, Requested, Blocked, Muted {}

  /** In followers, following and the graph queries' pages. */
  public record Followed(@JsonUnwrapped UserCard card, Instant followedAt) implements Item {}

  /** In friends: since the follow that made them mutual. */
  public record Friend(@JsonUnwrapped UserCard card, Instant since) implements Item {}

  /** In the caller's incoming and outgoing follow requests. */
  public record Requested(@JsonUnwrapped UserCard card, Instant requestedAt) implements Item {}

  /** In the caller's blocks. */
  public record Blocked(@JsonUnwrapped UserCard card, Instant blockedAt) implements Item {}

  /** In the caller's mutes; {@code expires_at} is null for a mute without end. */
  public record Muted(@JsonUnwrapped UserCard card, Instant mutedAt, Instant expiresAt) implements Item {}
}
