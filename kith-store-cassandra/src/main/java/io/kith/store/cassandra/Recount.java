package io.kith.store.cassandra;

import io.kith.core.UserId;

/**
 * One user's counts checked against its lists: {@code stored} is what the count shards held, {@code counted} what
 * the followers, following, friends and outgoing requests lists hold. {@link Status#FIXED}: the shards were corrected by the
 * difference; {@link Status#BUSY}: the user's relations kept changing while it was checked, so nothing was decided
 * (run again).
 */
public record Recount(UserId user, Status status, Tally stored, Tally counted) {
  public enum Status { EXACT, FIXED, BUSY }

  /**
   * Followers, following, friends and pending outgoing requests; stored values may be off, even negative, which is
   * why this is not Counts.
   */
  public record Tally(long followers, long following, long friends, long requestsOut) {
    @Override
    public String toString() {
      return "followers " + followers + ", following " + following + ", friends " + friends + ", requests sent "
          + requestsOut;
    }
  }
}
