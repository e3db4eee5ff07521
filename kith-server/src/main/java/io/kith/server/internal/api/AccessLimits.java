package io.kith.server.internal.api;

import io.kith.core.limit.LoginLimits;
import io.kith.core.limit.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits on log-in and sign-up, kept in the store like every rate window so that they hold across restarts and
 * across the nodes sharing a store.
 *
 * @param login failed log-ins per handle and address, per handle, and the addresses known to an account
 * @param signupsPerIp accounts created per client IP per hour
 */
public record AccessLimits(LoginLimits login, RateLimit signupsPerIp) {
  public static AccessLimits of(LoginLimits login, long signupsPerIpHour) {
    return new AccessLimits(login, RateLimit.of("signups_ip", signupsPerIpHour, Duration.ofHours(1), 12));
  }

  public List<RateLimit> all() {
    List<RateLimit> all = new ArrayList<>(login.all());
    all.add(signupsPerIp);
    return all;
  }
}
