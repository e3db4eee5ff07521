package io.kith.store.rocksdb.internal;

/**
 * What one user points at, as of one read: whom it follows (with the follow times), whom it asked to follow, whom
 * it blocks and whom it mutes (with the expiry, 0 for none). Every relationship between two users is a question
 * about one side's outgoing lists, so a viewer's and an author's {@code Outgoing} answer a relationship without
 * touching RocksDB.
 */
record Outgoing(IdSet following, IdSet requested, IdSet blocking, IdSet muting) {
  static final Outgoing NONE = new Outgoing(IdSet.EMPTY, IdSet.EMPTY, IdSet.EMPTY, IdSet.EMPTY);

  /** Approximate heap bytes, for the cache's weight. */
  int weight() {
    int entries = following.size() + requested.size() + blocking.size() + muting.size();
    return 160 + 16 * entries;
  }
}
