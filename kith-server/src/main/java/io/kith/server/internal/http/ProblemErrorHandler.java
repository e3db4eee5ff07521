package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestId;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Renders the responses Armeria produces by itself (unknown route, wrong method, body too large, protocol errors)
 * as problem documents, so a client sees one error format, with a request id, whatever failed.
 */
public final class ProblemErrorHandler implements ServerErrorHandler {
  private final AllowedMethods allowedMethods;

  public ProblemErrorHandler(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @Override
  public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
    return Problems.fromThrowable(ctx, cause).toHttpResponse();
  }

  @Override
  public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config,
                                             RequestHeaders headers, HttpStatus status, String description,
                                             Throwable cause) {
    // ctx is null when Armeria refuses a request before it has a context for it (e.g. a request line or headers
    // too large); such answers still get an id, so a client's report can be matched to the server's.
    String requestId = ctx != null ? ctx.id().text() : RequestId.random().text();
    AggregatedHttpResponse response = render(requestId, status, description);
    if (status.code() == 405 && ctx != null) {
      return AggregatedHttpResponse.of(response.headers().toBuilder()
          .set(HttpHeaderNames.ALLOW, allowedMethods.of(ctx.path())).build(), response.content());
    }
    return response;
  }

  @Override
  public AggregatedHttpResponse onProtocolViolation(ServiceConfig config, RequestHeaders headers,
                                                    HttpStatus status, String description, Throwable cause) {
    return render(RequestId.random().text(), status, description);
  }

  private static AggregatedHttpResponse render(String requestId, HttpStatus status, String description) {
    String detail = switch (status.code()) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed for this resource (see the Allow header)";
      case 413 -> "request body is too large";
      case 414 -> "request line is too long: shorten the path or query";
      case 431 -> "request headers are too large";
      default -> description != null ? description : status.reasonPhrase();
    };
    return new Problem(Problem.codeOf(status), detail, null).toResponse(status, requestId);
  }
}
