package io.kith.server.internal.http;

import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.core.limit.RateLimitStatus;
import java.time.Duration;

/**
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (the three-header form of the
 * IETF draft draft-ietf-httpapi-ratelimit-headers, Reset in seconds from now) on answers of limited endpoints. The
 * limiter in kith-core decides which limit they describe; this only writes them.
 */
public final class RateLimitHeaders {
  static final String LIMIT = "ratelimit-limit";
  static final String REMAINING = "ratelimit-remaining";
  static final String RESET = "ratelimit-reset";

  private RateLimitHeaders() {}

  /** On whatever answer {@code ctx} gives, success or problem. */
  public static void set(ServiceRequestContext ctx, RateLimitStatus status) {
    ctx.setAdditionalResponseHeader(LIMIT, Long.toString(status.limit()));
    ctx.setAdditionalResponseHeader(REMAINING, Long.toString(status.remaining()));
    ctx.setAdditionalResponseHeader(RESET, Long.toString(seconds(status.reset())));
  }

  /** On a 429: nothing remains, and the reset is the Retry-After. */
  static void setRefused(ResponseHeadersBuilder headers, long limit, long retryAfterSeconds) {
    headers.set(LIMIT, Long.toString(limit))
        .set(REMAINING, "0")
        .set(RESET, Long.toString(retryAfterSeconds));
  }

  /** Whole seconds rounded up, as Retry-After, so that waiting that long always frees the room; 0 only for 0. */
  private static long seconds(Duration reset) {
    return reset.isZero() ? 0 : Problems.retryAfterSeconds(reset);
  }
}
