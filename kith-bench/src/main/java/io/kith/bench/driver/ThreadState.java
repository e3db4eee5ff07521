package io.kith.bench.driver;

import java.util.SplittableRandom;

/** One client thread's own state: its random stream, a reusable id buffer and the follows it made recently. */
final class ThreadState {
  final SplittableRandom random;
  final int[] authors = new int[Context.AUTHORS];
  private final long[] recentFollows = new long[4096];
  private int recentCount;
  private int recentNext;

  ThreadState(long seed) {
    this.random = new SplittableRandom(seed);
  }

  void followed(int follower, int followee) {
    recentFollows[recentNext] = ((long) follower << 32) | followee;
    recentNext = (recentNext + 1) % recentFollows.length;
    recentCount = Math.min(recentCount + 1, recentFollows.length);
  }

  /** A follow this thread made and has not undone, or -1. */
  long takeRecentFollow() {
    if (recentCount == 0) {
      return -1;
    }
    recentNext = (recentNext - 1 + recentFollows.length) % recentFollows.length;
    recentCount--;
    return recentFollows[recentNext];
  }
}
