package io.kith.core;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Validation of free-text profile fields. Lengths count Unicode code points, as people count characters.
 *
 * <p>{@link #displayName}, {@link #bio} and {@link #password} are the rules for new input. A stored profile is read
 * back under {@link #storedDisplayName} and {@link #storedBio}, the rules it was written under, so tightening an
 * input rule never makes existing data unreadable.
 */
public final class ProfileRules {
  public static final int DISPLAY_NAME_MAX = 64;
  public static final int BIO_MAX = 280;
  public static final int AVATAR_URL_MAX = 512;
  public static final int PASSWORD_MIN = 8;
  public static final int PASSWORD_MAX = 128;

  private ProfileRules() {}

  /** A name others see: visible characters only ({@link TextRules#requireVisibleName}); empty means unset. */
  public static String displayName(String field, String value) {
    requireLength(field, value, DISPLAY_NAME_MAX);
    TextRules.requireVisibleName(field, value.strip());
    return value.strip();
  }

  public static String bio(String field, String value) {
    TextRules.requireWellFormed(field, value);
    return storedBio(field, value);
  }

  /** The rule a stored display name was written under (see the class comment). */
  public static String storedDisplayName(String field, String value) {
    requireLength(field, value, DISPLAY_NAME_MAX);
    rejectControlCharacters(field, value, false);
    return value.strip();
  }

  /** The rule a stored bio was written under (see the class comment). */
  public static String storedBio(String field, String value) {
    requireLength(field, value, BIO_MAX);
    rejectControlCharacters(field, value, true);
    return value.strip();
  }

  public static String avatarUrl(String field, String value) {
    if (value.length() > AVATAR_URL_MAX) {
      throw KithException.invalid(field, field + " must be at most " + AVATAR_URL_MAX + " characters");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw KithException.invalid(field, field + " must be a valid https URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw KithException.invalid(field, field + " must be an https URL with a host and no credentials");
    }
    return value;
  }

  /** Passwords are checked for length only (NIST SP 800-63B): composition rules make them weaker, not stronger. */
  public static String password(String field, String value) {
    if (value == null) {
      throw KithException.invalid(field, field + " is required");
    }
    TextRules.requireWellFormed(field, value);
    int length = value.codePointCount(0, value.length());
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
      throw KithException.invalid(field,
          field + " must be " + PASSWORD_MIN + "-" + PASSWORD_MAX + " characters long");
    }
    return value;
  }

  private static void requireLength(String field, String value, int max) {
    if (value.codePointCount(0, value.length()) > max) {
      throw KithException.invalid(field, field + " must be at most " + max + " characters");
    }
  }

  private static void rejectControlCharacters(String field, String value, boolean allowNewlines) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(allowNewlines && c == '\n')) {
        throw KithException.invalid(field, field + " must not contain control characters");
      }
    }
  }
}
