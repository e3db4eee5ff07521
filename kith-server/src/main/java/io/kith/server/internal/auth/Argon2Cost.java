package io.kith.server.internal.auth;

/** Argon2id work factors. The default is OWASP's recommended minimum; tests pass a cheap one. */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
  public static final Argon2Cost OWASP = new Argon2Cost(19_456, 2, 1);

  public Argon2Cost {
    if (parallelism < 1 || parallelism > 16) {
      throw new IllegalArgumentException("argon2 parallelism: " + parallelism + " (expected: 1-16)");
    }
    if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "argon2 memory: " + memoryKiB + " KiB (expected: " + 8 * parallelism + "-4194304)");
    }
    if (iterations < 1 || iterations > 100) {
      throw new IllegalArgumentException("argon2 iterations: " + iterations + " (expected: 1-100)");
    }
  }
}
