package io.kith.core;

/** A user's exact relation counts. Friends are mutual follows. */
public record Counts(long followers, long following, long friends) {
  public static final Counts ZERO = new Counts(0, 0, 0);

  public Counts {
    if (followers < 0 || following < 0 || friends < 0) {
      throw new IllegalArgumentException(
          "counts: " + followers + "/" + following + "/" + friends + " (expected: all >= 0)");
    }
  }
}
