package io.kith.server.internal.http;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.logging.RequestLogProperty;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.core.UserId;
import io.netty.util.AttributeKey;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One key=value line per request on the {@code kith.access} logger, written when the response is complete, and
 * the request id echoed as {@code X-Request-Id} so a client's report can be matched to the line.
 */
public final class AccessLogDecorator implements DecoratingHttpServiceFunction {
  private static final Logger accessLog = LoggerFactory.getLogger("kith.access");
  private static final AttributeKey<UserId> USER = AttributeKey.valueOf(AccessLogDecorator.class, "USER");

  static void recordUser(ServiceRequestContext ctx, UserId userId) {
    ctx.setAttr(USER, userId);
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
    String requestId = ctx.id().text();
    ctx.setAdditionalResponseHeader(Problem.REQUEST_ID_HEADER, requestId);
    ctx.log().whenComplete().thenAccept(log -> {
      if (!accessLog.isInfoEnabled()) {
        return;
      }
      UserId user = ctx.attr(USER);
      int status = log.isAvailable(RequestLogProperty.RESPONSE_HEADERS)
          ? log.responseHeaders().status().code() : 0;
      accessLog.info(String.format(Locale.ROOT,
          "method=%s route=\"%s\" path=\"%s\" status=%d latency_ms=%.3f user=%s request_id=%s",
          ctx.method(), ctx.config().route().patternString(), ctx.path(), status,
          log.totalDurationNanos() / 1_000_000.0, user == null ? "-" : user, requestId));
    });
    return delegate.serve(ctx, req);
  }
}
