package io.kith.server.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Credentials of internal callers (fan-out, notifications), configured when the server starts rather than issued
 * by it. The configuration holds only each token's SHA-256, so it can sit in a deployment manifest without being a
 * secret; a token should carry 256 random bits (e.g. {@code openssl rand -base64 32}), which makes that hash safe to
 * show. A service token acts as no user: it may call only the endpoints that ask for one of its scopes.
 */
public final class ServiceTokens {
  /** Read any user's follower ids ({@code GET /v1/users/{id}/followers/ids}). */
  public static final String FOLLOWERS_READ = "followers:read";
  /** Read any user's following ids ({@code GET /v1/users/{id}/following/ids}). */
  public static final String FOLLOWING_READ = "following:read";
  /** Every scope the server knows; a configured unknown scope is a typo, refused at start. */
  public static final Set<String> SCOPES = Set.of(FOLLOWERS_READ, FOLLOWING_READ);

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_TOKEN_CHARS = 512;

  private final Map<String, ServiceToken> byHash;

  /** One configured service token: a name for logs, its scopes, and the SHA-256 (hex) of the token itself. */
  public record ServiceToken(String name, Set<String> scopes, String sha256Hex) {
    public ServiceToken {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("service-token name: " + name
            + " (expected: 1-64 of a-z 0-9 _ . -, starting with a letter or digit)");
      }
      if (sha256Hex == null || !SHA256_HEX.matcher(sha256Hex.toLowerCase(Locale.ROOT)).matches()) {
        throw new IllegalArgumentException("service-token " + name
            + " hash: not 64 hex digits (expected: the SHA-256 of the token, e.g. from sha256sum)");
      }
      if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
        throw new IllegalArgumentException("service-token " + name + " scopes: " + scopes
            + " (expected: one or more of " + new TreeSet<>(SCOPES) + ")");
      }
      scopes = Set.copyOf(scopes);
      sha256Hex = sha256Hex.toLowerCase(Locale.ROOT);
    }

    public boolean has(String scope) {
      return scopes.contains(scope);
    }
  }

  public ServiceTokens(List<ServiceToken> tokens) {
    Map<String, ServiceToken> hashes = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (ServiceToken token : tokens) {
      if (!names.add(token.name())) {
        throw new IllegalArgumentException("service-token " + token.name() + ": configured twice (expected: "
            + "unique names)");
      }
      if (hashes.putIfAbsent(token.sha256Hex(), token) != null) {
        throw new IllegalArgumentException("service-token " + token.name() + ": same hash as another "
            + "(expected: a distinct token per service)");
      }
    }
    this.byHash = Map.copyOf(hashes);
  }

  public static ServiceTokens none() {
    return new ServiceTokens(List.of());
  }

  /**
   * Parses {@code NAME:SCOPE[,SCOPE...]:SHA256HEX}. Scopes contain colons themselves ({@code followers:read}), so
   * the name ends at the first colon and the hash starts after the last.
   */
  public static ServiceToken parse(String spec) {
    String text = spec.strip();
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first <= 0 || last <= first + 1 || last == text.length() - 1) {
      throw new IllegalArgumentException("service-token: '" + redact(text)
          + "' (expected: NAME:SCOPE[,SCOPE...]:SHA256HEX, e.g. fanout:followers:read:<64 hex digits>)");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : text.substring(first + 1, last).split(",", -1)) {
      scopes.add(scope.strip());
    }
    return new ServiceToken(text.substring(0, first), scopes, text.substring(last + 1));
  }

  /**
   * Splits many specs separated by whitespace, newlines or semicolons (the form of {@code KITH_SERVICE_TOKENS} and
   * of a tokens file); {@code #} starts a comment that runs to the end of its line.
   */
  public static List<String> specs(String text) {
    List<String> specs = new ArrayList<>();
    for (String line : text.split("\\R")) {
      int hash = line.indexOf('#');
      String content = hash >= 0 ? line.substring(0, hash) : line;
      for (String spec : content.split("[\\s;]+")) {
        if (!spec.isEmpty()) {
          specs.add(spec);
        }
      }
    }
    return specs;
  }

  /** The configured token this raw bearer token is, if any. */
  public Optional<ServiceToken> find(String rawToken) {
    if (byHash.isEmpty() || rawToken.isEmpty() || rawToken.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    // A lookup by hash leaks nothing useful through timing: nobody can steer the hash of a guess.
    return Optional.ofNullable(byHash.get(sha256Hex(rawToken)));
  }

  public static String sha256Hex(String rawToken) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A malformed spec may be a raw token pasted by mistake: error messages show at most its name. */
  private static String redact(String spec) {
    int colon = spec.indexOf(':');
    return colon < 0 ? "..." : spec.substring(0, colon + 1) + "...";
  }
}
