package io.kith.store.rocksdb.internal;

/**
 * Everything one user's lists say about its relations to others, as of one read: whom it follows and who follows
 * it (with the follow times), requests it sent and received, whom it blocks and who blocks it, and whom it mutes
 * (with the expiry, 0 for none). Every relationship of a viewer to any other user is answered by the viewer's
 * adjacency alone, so a feed's author cards cost binary searches in one cached entry.
 */
record Adjacency(IdSet following, IdSet followers, IdSet requested, IdSet requestedBy, IdSet blocking,
                 IdSet blockedBy, IdSet muting) {

  /** Whether every answer about {@code other} is known (no list was cut short before it). */
  boolean knows(long other) {
    return following.knows(other) && followers.knows(other) && requested.knows(other)
        && requestedBy.knows(other) && blocking.knows(other) && blockedBy.knows(other) && muting.knows(other);
  }

  /** Approximate heap bytes, for the cache's weight. */
  int weight() {
    int entries = following.size() + followers.size() + requested.size() + requestedBy.size() + blocking.size()
        + blockedBy.size() + muting.size();
    return 240 + 16 * entries;
  }
}
