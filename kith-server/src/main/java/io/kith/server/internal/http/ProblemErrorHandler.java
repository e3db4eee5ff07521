package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Renders the responses Armeria produces by itself (unknown route, wrong method, body too large, protocol errors)
 * as problem documents, so a client sees one error format whatever failed.
 */
public final class ProblemErrorHandler implements ServerErrorHandler {
  @Override
  public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
    return Problems.fromThrowable(ctx, cause).toHttpResponse();
  }

  @Override
  public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config,
                                             RequestHeaders headers, HttpStatus status, String description,
                                             Throwable cause) {
    return render(ctx, status, description);
  }

  @Override
  public AggregatedHttpResponse onProtocolViolation(ServiceConfig config, RequestHeaders headers,
                                                    HttpStatus status, String description, Throwable cause) {
    return render(null, status, description);
  }

  private static AggregatedHttpResponse render(ServiceRequestContext ctx, HttpStatus status, String description) {
    String detail = switch (status.code()) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed for this resource";
      case 413 -> "request body is too large";
      default -> description != null ? description : status.reasonPhrase();
    };
    return new Problem(Problem.codeOf(status), detail, null).toResponse(status, ctx == null ? null : ctx.id().text());
  }
}
