package io.kith.core;

import java.util.Locale;
import java.util.Set;

/**
 * A user's unique, case-insensitive handle, kept in its canonical lower-case form: 2-24 characters of
 * {@code [a-z0-9._]}, not all digits (so it can never be mistaken for an id), no leading or trailing dot, and not
 * one of the {@linkplain #RESERVED reserved} names.
 */
public record Handle(String value) {
  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 24;

  /** Names that would impersonate the service or collide with routes. */
  public static final Set<String> RESERVED = Set.of(
      "admin", "administrator", "root", "me", "api", "www", "kith", "support", "help", "system", "staff",
      "official", "moderator", "mod", "security", "settings", "login", "logout", "signup", "register", "about",
      "null", "undefined", "anonymous", "everyone", "users", "accounts", "sessions", "health", "metrics", "v1");

  public Handle {
    value = validate("handle", value);
  }

  /** Parses and canonicalizes user input, reporting bad input against {@code field}. */
  public static Handle parse(String field, String text) {
    return new Handle(validate(field, text));
  }

  private static String validate(String field, String text) {
    if (text == null) {
      throw KithException.invalid(field, field + " is required");
    }
    int length = text.codePointCount(0, text.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw KithException.invalid(field,
          field + " must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters long (was " + length + ")");
    }
    // Checked on the raw input, before lower-casing: Unicode case folding maps some non-ASCII letters to ASCII
    // (the Kelvin sign U+212A to 'k', U+0130 to 'i' plus a dot), which would let a look-alike handle through.
    boolean allDigits = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!(digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_')) {
        throw KithException.invalid(field, field + " may contain only letters a-z, digits, '.' and '_'");
      }
      allDigits &= digit;
    }
    String canonical = text.toLowerCase(Locale.ROOT);
    if (allDigits) {
      throw KithException.invalid(field, field + " must not be all digits");
    }
    if (canonical.charAt(0) == '.' || canonical.charAt(length - 1) == '.') {
      throw KithException.invalid(field, field + " must not start or end with '.'");
    }
    if (RESERVED.contains(canonical)) {
      throw KithException.invalid(field, field + " '" + canonical + "' is reserved");
    }
    return canonical;
  }

  @Override
  public String toString() {
    return value;
  }
}
