package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.WriteBatch;

/** A write batch that remembers whose outgoing lists it changes, so the relation cache can forget them. */
final class TrackedBatch extends WriteBatch {
  private final List<Long> outgoingOwners = new ArrayList<>(2);

  /** Records that {@code owner}'s following, requests, blocking or muting list changes in this batch. */
  void changesOutgoingOf(UserId owner) {
    outgoingOwners.add(owner.value());
  }

  List<Long> outgoingOwners() {
    return outgoingOwners;
  }
}
