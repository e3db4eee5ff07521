package io.kith.store.cassandra;

/**
 * What a repair finished: pair changes left pending (by a Kith node that died mid-write or a call that timed out),
 * account deletions and private-to-public approvals that had not run to their end.
 */
public record RepairReport(int pairChanges, int deletions, int approvals) {
  public boolean nothingToDo() {
    return pairChanges == 0 && deletions == 0 && approvals == 0;
  }
}
