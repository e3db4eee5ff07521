package io.kith.server.internal.api;

import io.kith.core.limit.RateLimit;
import java.time.Duration;
import java.util.List;

/**
 * The limits on log-in and sign-up, kept in the store like every rate window so that they hold across restarts and
 * across the nodes sharing a store.
 *
 * @param loginFailures failed log-ins per handle per 15 minutes
 * @param signupsPerIp accounts created per client IP per hour
 */
public record AccessLimits(RateLimit loginFailures, RateLimit signupsPerIp) {
  public static AccessLimits of(long loginFailuresPer15Minutes, long signupsPerIpHour) {
    return new AccessLimits(
        RateLimit.of("login_failures", loginFailuresPer15Minutes, Duration.ofMinutes(15), 15),
        RateLimit.of("signups_ip", signupsPerIpHour, Duration.ofHours(1), 12));
  }

  public List<RateLimit> all() {
    return List.of(loginFailures, signupsPerIp);
  }
}
