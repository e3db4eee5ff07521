package io.kith.core;

/** Stable, machine-readable error codes. The string form is part of the public API: never rename one. */
public enum ErrorCode {
  INVALID_ARGUMENT("invalid_argument"),
  UNAUTHENTICATED("unauthenticated"),
  FORBIDDEN("forbidden"),
  /** A block, in either direction, forbids the relation asked for. */
  BLOCKED("blocked"),
  /** A standing cap (such as the most accounts one may follow) is reached; unlike a rate limit, waiting won't help. */
  LIMIT_REACHED("limit_reached"),
  NOT_FOUND("not_found"),
  /** The route exists but not with this method; the answer's {@code Allow} lists the methods it has. */
  METHOD_NOT_ALLOWED("method_not_allowed"),
  CONFLICT("conflict"),
  PAYLOAD_TOO_LARGE("payload_too_large"),
  /** A request body that is not {@code application/json} in UTF-8. */
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
  /** The request line (path and query) is longer than the server reads. */
  URI_TOO_LONG("uri_too_long"),
  /** The request's headers are larger than the server reads. */
  HEADERS_TOO_LARGE("headers_too_large"),
  RATE_LIMITED("rate_limited"),
  UNAVAILABLE("unavailable"),
  INTERNAL("internal");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
