package io.kith.core.relation;

import io.kith.core.UserId;

/**
 * Side effects of relation changes that happened (metrics, notifications, cache invalidation). Called after the
 * store acknowledged the write, never part of it: a listener can not break the graph's invariants.
 */
public interface RelationListener {
  RelationListener NONE = new RelationListener() {};

  default void followed(UserId follower, UserId followee) {}

  default void unfollowed(UserId follower, UserId followee) {}

  default void requested(UserId requester, UserId target) {}

  default void accepted(UserId owner, UserId requester) {}

  default void blocked(UserId blocker, UserId blocked) {}
}
