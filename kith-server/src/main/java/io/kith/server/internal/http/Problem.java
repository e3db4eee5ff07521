package io.kith.server.internal.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import io.kith.core.ErrorCode;
import io.kith.server.internal.json.Json;

/**
 * An RFC 9457 problem document with Kith's stable {@code code} and, for validation errors, the {@code field} at
 * fault. Every error response the server sends, its own or Armeria's, is one of these.
 */
public record Problem(ErrorCode code, String detail, String field) {
  public static final String REQUEST_ID_HEADER = "x-request-id";
  public static final MediaType PROBLEM_JSON = MediaType.parse("application/problem+json; charset=utf-8");

  public static HttpStatus statusOf(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN, BLOCKED, LIMIT_REACHED -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
      case CONFLICT -> HttpStatus.CONFLICT;
      case PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
      case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case URI_TOO_LONG -> HttpStatus.REQUEST_URI_TOO_LONG;
      case HEADERS_TOO_LARGE -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  /** The closest stable code for a status Armeria produced on its own (unknown route, wrong method...). */
  public static ErrorCode codeOf(HttpStatus status) {
    return switch (status.code()) {
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 409 -> ErrorCode.CONFLICT;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 414 -> ErrorCode.URI_TOO_LONG;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 431 -> ErrorCode.HEADERS_TOO_LARGE;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> status.code() < 500 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INTERNAL;
    };
  }

  /**
   * The document as sent: RFC 9457's members, then Kith's stable {@code code}, the {@code field} at fault (absent
   * when none is) and the request's id (absent only when there is none).
   */
  record Body(String type, String title, int status, String detail, String code,
              @JsonInclude(JsonInclude.Include.NON_NULL) String field,
              @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {}

  public AggregatedHttpResponse toResponse(String requestId) {
    return toResponse(statusOf(code), requestId);
  }

  /** Renders with an explicit status, for Armeria's own errors whose status is more precise than the code's. */
  public AggregatedHttpResponse toResponse(HttpStatus status, String requestId) {
    Body body = new Body("urn:kith:problem:" + code.wireName(), status.reasonPhrase(), status.code(), detail,
        code.wireName(), field, requestId);
    ResponseHeadersBuilder headers = ResponseHeaders.builder(status).contentType(PROBLEM_JSON);
    if (requestId != null) {
      // Also set by the access-log decorator on routed requests; set here too for the answers Armeria sends
      // before any decorator runs (request line or headers too large, protocol errors).
      headers.set(REQUEST_ID_HEADER, requestId);
    }
    if (code == ErrorCode.UNAUTHENTICATED) {
      headers.add(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"kith\"");
    }
    if (code == ErrorCode.UNAVAILABLE || code == ErrorCode.RATE_LIMITED) {
      headers.add(HttpHeaderNames.RETRY_AFTER, "1");
    }
    return AggregatedHttpResponse.of(headers.build(), HttpData.wrap(Json.bytes(body)));
  }
}
