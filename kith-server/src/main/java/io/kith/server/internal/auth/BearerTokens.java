package io.kith.server.internal.auth;

import io.kith.core.spi.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Session tokens: {@code kith_} plus 32 random bytes in base64url. The prefix makes leaked tokens easy to spot by
 * secret scanners; only the SHA-256 is ever stored, which is enough because the token has 256 bits of entropy.
 */
public final class BearerTokens {
  private static final String PREFIX = "kith_";
  private static final Pattern SHAPE = Pattern.compile("kith_[A-Za-z0-9_-]{43}");

  private final SecureRandom random = new SecureRandom();

  public String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isWellFormed(String token) {
    return SHAPE.matcher(token).matches();
  }

  public static TokenHash hash(String token) {
    try {
      return TokenHash.of(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
