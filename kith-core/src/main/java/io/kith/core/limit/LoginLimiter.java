package io.kith.core.limit;

import io.kith.core.UserId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may try a password now. Failures are counted per handle and client address, and per handle across all
 * addresses. The per-address limit stops only the address that failed, so strangers cannot lock an owner out of its
 * own address; the per-handle limit slows guessing spread over many addresses, and stops only addresses that have
 * not logged in to the account lately, so the owner's usual address always gets through.
 *
 * <p>Failures count per handle whether or not an account has it, and an address becomes known only by logging in
 * to an account, so a stranger gets the same answer for a handle that exists as for one that does not.
 */
public final class LoginLimiter {
  /** Never a user id, so never a known address's subject. */
  private static final String NO_ACCOUNT = "-";

  private final RateLimiter rateLimiter;
  private final LoginLimits limits;

  public LoginLimiter(RateLimiter rateLimiter, LoginLimits limits) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public LoginLimits limits() {
    return limits;
  }

  /**
   * Before any password is tried: throws {@code rate_limited} if {@code network} may not try one for
   * {@code handle} now. {@code account} is the handle's account, if it has one; {@code network} is the client's
   * address as limits count it (IPv6 by its /64). Returns where the failure limits stand, from the counts this
   * check read.
   */
  public Standing check(String handle, Optional<UserId> account, String network) {
    WindowCounts perAddressCounts = rateLimiter.read(limits.failuresPerAddress(), perAddress(handle, network));
    WindowCounts perHandleCounts = rateLimiter.read(limits.failuresPerHandle(), handle);
    Duration perAddress = perAddressCounts.waitForOneMore();
    Duration perHandle = perHandleCounts.waitForOneMore();
    // Read only when it matters (most log-ins are far from the per-handle limit), and read for a handle without an
    // account too, under a subject nothing records, so that the work is the same whether the account exists.
    boolean perHandleApplies = true;
    if (!perHandle.isZero()) {
      String subject = account.map(id -> known(id, network)).orElse(NO_ACCOUNT + "@" + network);
      if (rateLimiter.seenWithin(subject, limits.knownAddresses())) {
        perHandle = Duration.ZERO;
        perHandleApplies = false;
      }
    }
    if (perHandle.compareTo(perAddress) > 0) {
      throw RateLimiter.limited("too many attempts", limits.failuresPerHandle(), perHandle);
    }
    if (!perAddress.isZero()) {
      throw RateLimiter.limited("too many attempts", limits.failuresPerAddress(), perAddress);
    }
    // Below its limit the per-handle one is told as applying (it does, unless this address is known to the
    // account): whether the address is known is read only at the limit, and the headers cost no extra read.
    return perHandleApplies
        ? new Standing(RateLimitStatus.closest(perAddressCounts.status(), perHandleCounts.status()),
            RateLimitStatus.closest(perAddressCounts.plusOne().status(), perHandleCounts.plusOne().status()))
        : new Standing(perAddressCounts.status(), perAddressCounts.plusOne().status());
  }

  /**
   * The failure limits closest to being reached for one log-in: as they stay if it succeeds, and as they are once
   * it has failed (and {@link #failed} has counted it).
   */
  public record Standing(RateLimitStatus ifSucceeded, RateLimitStatus ifFailed) {}

  /** A wrong password (or an unknown handle) from {@code network}: counted against both limits. */
  public void failed(String handle, String network) {
    rateLimiter.record(perAddress(handle, network), limits.failuresPerAddress());
    rateLimiter.record(handle, limits.failuresPerHandle());
  }

  /** {@code account} logged in (or signed up) from {@code network}, which is now known to it for a while. */
  public void succeeded(UserId account, String network) {
    rateLimiter.record(known(account, network), limits.knownAddresses());
  }

  private static String perAddress(String handle, String network) {
    return handle + "@" + network;
  }

  /** By account, not handle: a handle given up and claimed by someone else must not bring its old addresses. */
  private static String known(UserId account, String network) {
    return account + "@" + network;
  }
}
