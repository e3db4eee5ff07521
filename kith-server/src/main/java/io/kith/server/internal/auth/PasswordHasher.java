package io.kith.server.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so a hash
 * carries its own parameters and stays verifiable after the configured cost changes.
 */
public final class PasswordHasher {
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Argon2Cost cost;
  private final SecureRandom random = new SecureRandom();
  /**
   * Each hash holds {@code memoryKiB} of memory for its duration; bounding how many run at once bounds that
   * memory during a burst of sign-ups or log-ins, and more than one per core would not finish sooner anyway.
   */
  private final Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
  /** Verified against when a handle is unknown, so that case costs as much as a wrong password. */
  private final String dummyHash;

  public PasswordHasher(Argon2Cost cost) {
    this.cost = cost;
    this.dummyHash = hash("dummy password that matches no account");
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] digest = derive(password, salt, cost.memoryKiB(), cost.iterations(), cost.parallelism(), HASH_BYTES);
    return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(digest);
  }

  /** False for a wrong password and for a hash this hasher cannot read; never throws on stored data. */
  public boolean verify(String password, String phc) {
    String[] parts = phc.split("\\$", -1);
    if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String param : parts[3].split(",")) {
        String[] kv = param.split("=", 2);
        int value = Integer.parseInt(kv[1]);
        switch (kv[0]) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default -> {
            return false;
          }
        }
      }
      new Argon2Cost(m, t, p);
      byte[] salt = B64_DECODER.decode(parts[4]);
      byte[] expected = B64_DECODER.decode(parts[5]);
      if (salt.length < 8 || expected.length < 16) {
        return false;
      }
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  /** Burns the same work as a real verification and always answers false. */
  public boolean verifyAgainstDummy(String password) {
    verify(password, dummyHash);
    return false;
  }

  private byte[] derive(String password, byte[] salt, int memoryKiB, int iterations, int parallelism,
                               int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    slots.acquireUninterruptibly();
    try {
      generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    } finally {
      slots.release();
    }
    return out;
  }
}
