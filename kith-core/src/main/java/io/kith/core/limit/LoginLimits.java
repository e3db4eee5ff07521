package io.kith.core.limit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits on failed log-ins (docs/api.md, "Limits"), each kept in the store's rate windows.
 *
 * @param failuresPerAddress failed log-ins for one handle from one client address (IPv6: its /64), per 15 minutes
 * @param failuresPerHandle failed log-ins for one handle from every address together, per 15 minutes; it stops
 *     only addresses that have not logged in to the account lately
 * @param knownAddresses how long a successful log-in (or the sign-up) makes its address known to the account; a
 *     record of successes, not a limit, so its {@code max} means nothing
 */
public record LoginLimits(RateLimit failuresPerAddress, RateLimit failuresPerHandle, RateLimit knownAddresses) {
  public static final long DEFAULT_FAILURES_PER_ADDRESS = 10;
  public static final long DEFAULT_FAILURES_PER_HANDLE = 30;
  public static final int DEFAULT_KNOWN_ADDRESS_DAYS = 30;
  /** The longest an address may stay known: a year of one-day buckets. */
  public static final int MAX_KNOWN_ADDRESS_DAYS = 365;

  public LoginLimits {
    Objects.requireNonNull(failuresPerAddress, "failuresPerAddress");
    Objects.requireNonNull(failuresPerHandle, "failuresPerHandle");
    Objects.requireNonNull(knownAddresses, "knownAddresses");
  }

  /** Both failure limits over a rolling 15 minutes in one-minute buckets; known addresses in one-day buckets. */
  public static LoginLimits of(long failuresPerAddress, long failuresPerHandle, int knownAddressDays) {
    if (knownAddressDays < 1 || knownAddressDays > MAX_KNOWN_ADDRESS_DAYS) {
      throw new IllegalArgumentException("login-known-address-days: " + knownAddressDays
          + " (expected: 1-" + MAX_KNOWN_ADDRESS_DAYS + ")");
    }
    // The names of the windows are stored: "login_failures" counted failures per handle before there was a
    // per-address limit, and keeps doing so.
    return new LoginLimits(
        RateLimit.of("login_failures_address", failuresPerAddress, Duration.ofMinutes(15), 15),
        RateLimit.of("login_failures", failuresPerHandle, Duration.ofMinutes(15), 15),
        RateLimit.of("login_known_addresses", 1, Duration.ofDays(knownAddressDays), knownAddressDays));
  }

  public static LoginLimits defaults() {
    return of(DEFAULT_FAILURES_PER_ADDRESS, DEFAULT_FAILURES_PER_HANDLE, DEFAULT_KNOWN_ADDRESS_DAYS);
  }

  /** Every window, for pruning. */
  public List<RateLimit> all() {
    return List.of(failuresPerAddress, failuresPerHandle, knownAddresses);
  }
}
