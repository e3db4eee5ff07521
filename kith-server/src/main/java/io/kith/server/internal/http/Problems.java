package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseCompleteException;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.spi.TemporaryStoreException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure into a problem response; unexpected ones are logged and never leak their details. */
public final class Problems {
  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  public static AggregatedHttpResponse fromThrowable(ServiceRequestContext ctx, Throwable thrown) {
    Throwable cause = unwrap(thrown);
    String requestId = ctx.id().text();
    if (cause instanceof KithException e) {
      AggregatedHttpResponse response = new Problem(e.code(), e.detail(), e.field()).toResponse(requestId);
      if (e.retryAfter().isPresent()) {
        long retryAfter = retryAfterSeconds(e.retryAfter().get());
        ResponseHeadersBuilder headers = response.headers().toBuilder()
            .set(HttpHeaderNames.RETRY_AFTER, Long.toString(retryAfter));
        e.rateLimit().ifPresent(limit -> RateLimitHeaders.setRefused(headers, limit, retryAfter));
        return AggregatedHttpResponse.of(headers.build(), response.content());
      }
      return response;
    }
    if (cause instanceof ContentTooLargeException) {
      return new Problem(ErrorCode.PAYLOAD_TOO_LARGE,
          "request body is larger than " + ctx.maxRequestLength() + " bytes", null).toResponse(requestId);
    }
    if (cause instanceof HttpStatusException e) {
      // Armeria's own refusals, such as a body over the limit found while it is still arriving.
      HttpStatus status = e.httpStatus();
      String detail = status.code() == 413
          ? "request body is larger than " + ctx.maxRequestLength() + " bytes" : status.reasonPhrase();
      return new Problem(Problem.codeOf(status), detail, null).toResponse(status, requestId);
    }
    if (isClientGone(cause)) {
      // The client went away or the response already finished; nobody will read this answer.
      log.debug("request {} ended early", requestId, cause);
      return new Problem(ErrorCode.UNAVAILABLE, "request ended early", null).toResponse(requestId);
    }
    if (cause instanceof RequestTimeoutException) {
      log.warn("request {} timed out", requestId);
      return new Problem(ErrorCode.UNAVAILABLE,
          "the request took too long to answer; it may still complete, so check its effect before retrying", null)
          .toResponse(requestId);
    }
    if (cause instanceof TemporaryStoreException) {
      log.warn("store temporarily unavailable (request {})", requestId, cause);
      return new Problem(ErrorCode.UNAVAILABLE, "the service is temporarily unavailable; retry shortly", null)
          .toResponse(requestId);
    }
    log.error("unexpected error (request {})", requestId, cause);
    return new Problem(ErrorCode.INTERNAL, "an unexpected error occurred (request " + requestId + ")", null)
        .toResponse(requestId);
  }

  /** Whole seconds, rounded up so that a client waiting exactly that long is never refused again; at least 1. */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private static boolean isClientGone(Throwable cause) {
    return cause instanceof ResponseCompleteException || cause instanceof ClosedStreamException
        || cause instanceof ClosedSessionException || cause instanceof CancellationException;
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
