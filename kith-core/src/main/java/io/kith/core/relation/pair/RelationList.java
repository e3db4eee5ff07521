package io.kith.core.relation.pair;

import io.kith.core.spi.EdgeList;

/**
 * Every per-user list a relation is entered in: the {@link EdgeList}s a store pages through, and the two reverse
 * lists both stores keep so that deleting an account finds the blocks and mutes of it.
 */
public enum RelationList {
  FOLLOWING(EdgeList.FOLLOWING),
  FOLLOWERS(EdgeList.FOLLOWERS),
  FRIENDS(EdgeList.FRIENDS),
  REQUESTS_OUT(EdgeList.REQUESTS_OUT),
  REQUESTS_IN(EdgeList.REQUESTS_IN),
  BLOCKING(EdgeList.BLOCKING),
  /** Who blocks the owner: never paged, only read to delete the owner's account. */
  BLOCKED_BY(null),
  MUTING(EdgeList.MUTING),
  /** Who mutes the owner: never paged, only read to delete the owner's account. */
  MUTED_BY(null);

  private final EdgeList edgeList;

  RelationList(EdgeList edgeList) {
    this.edgeList = edgeList;
  }

  /** The list as the store SPI pages it; null for the two reverse lists, which it does not. */
  public EdgeList edgeList() {
    return edgeList;
  }
}
