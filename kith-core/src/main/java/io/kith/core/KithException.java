package io.kith.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request that Kith refuses for a reason the caller can act on. Carries a stable {@link ErrorCode} and, for
 * validation errors, the name of the field at fault (as the API spells it).
 */
public final class KithException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String field;
  private final Duration retryAfter;
  /** For {@code rate_limited}: the most actions the limit reached allows per window; 0 when not told. */
  private final long rateLimit;

  private KithException(ErrorCode code, String field, String detail, Duration retryAfter, long rateLimit) {
    super(detail, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
    this.retryAfter = retryAfter;
    this.rateLimit = rateLimit;
  }

  private KithException(ErrorCode code, String field, String detail) {
    this(code, field, detail, null, 0);
  }

  public static KithException invalid(String field, String detail) {
    return new KithException(ErrorCode.INVALID_ARGUMENT, Objects.requireNonNull(field, "field"), detail);
  }

  public static KithException notFound(String detail) {
    return new KithException(ErrorCode.NOT_FOUND, null, detail);
  }

  public static KithException conflict(String field, String detail) {
    return new KithException(ErrorCode.CONFLICT, field, detail);
  }

  /** A rate limit was hit; trying again after {@code retryAfter} can succeed. */
  public static KithException rateLimited(String detail, Duration retryAfter) {
    return new KithException(ErrorCode.RATE_LIMITED, null, detail, Objects.requireNonNull(retryAfter, "retryAfter"), 0);
  }

  /** A rate limit of {@code limit} actions per window was hit; trying again after {@code retryAfter} can succeed. */
  public static KithException rateLimited(String detail, Duration retryAfter, long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
    }
    return new KithException(ErrorCode.RATE_LIMITED, null, detail, Objects.requireNonNull(retryAfter, "retryAfter"),
        limit);
  }

  public static KithException of(ErrorCode code, String detail) {
    return new KithException(code, null, detail);
  }

  public ErrorCode code() {
    return code;
  }

  /** The request field at fault, or {@code null} when the error is not about one field. */
  public String field() {
    return field;
  }

  /** For {@code rate_limited}: how long until a retry can succeed. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** For {@code rate_limited} from a known limit: the most actions it allows per window (RateLimit-Limit). */
  public OptionalLong rateLimit() {
    return rateLimit > 0 ? OptionalLong.of(rateLimit) : OptionalLong.empty();
  }

  public String detail() {
    return getMessage();
  }
}
