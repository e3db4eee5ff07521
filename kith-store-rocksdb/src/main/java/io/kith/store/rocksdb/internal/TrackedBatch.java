package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.WriteBatch;

/** A write batch that remembers whose relation lists it changes, so the relation cache can forget them. */
final class TrackedBatch extends WriteBatch {
  private final List<Long> changedUsers = new ArrayList<>(2);

  /** Records that lists of these users (as {@link Adjacency} holds them) change in this batch. */
  void changes(UserId... users) {
    for (UserId user : users) {
      changedUsers.add(user.value());
    }
  }

  List<Long> changedUsers() {
    return changedUsers;
  }
}
