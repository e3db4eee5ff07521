package io.kith.bench.driver;

import java.util.SplittableRandom;

/**
 * Zipf-distributed ranks over {@code 1..n} with exponent {@code s}: rank r is drawn with probability proportional
 * to {@code 1 / r^s}. Inverse-CDF sampling over a precomputed table, so each draw is one binary search.
 */
public final class Zipf {
  private final double[] cumulative;

  public Zipf(int n, double s) {
    if (n < 1) {
      throw new IllegalArgumentException("n: " + n + " (expected: >= 1)");
    }
    cumulative = new double[n];
    double sum = 0;
    for (int r = 1; r <= n; r++) {
      sum += 1 / Math.pow(r, s);
      cumulative[r - 1] = sum;
    }
  }

  /** A rank in {@code 1..n}; rank 1 is the most likely. */
  public int next(SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low + 1;
  }
}
