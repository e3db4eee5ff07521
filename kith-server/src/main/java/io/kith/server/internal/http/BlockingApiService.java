package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.server.internal.auth.Authenticator;
import java.util.concurrent.CompletableFuture;

/**
 * Adapts an {@link ApiHandler}: receives the whole body (bounded by the server's request limit), then runs the
 * handler on the blocking task executor, because store writes fsync and password hashing takes milliseconds, and
 * neither may stall the event loop. Any failure becomes a problem response here.
 */
public final class BlockingApiService implements HttpService {
  private final ApiHandler handler;
  private final Authenticator authenticator;

  public BlockingApiService(ApiHandler handler, Authenticator authenticator) {
    this.handler = handler;
    this.authenticator = authenticator;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    CompletableFuture<AggregatedHttpResponse> response = req.aggregate()
        .thenApplyAsync(aggregated -> {
          try {
            JsonMediaType.require(aggregated);
            return handler.handle(new ApiRequest(ctx, aggregated, authenticator));
          } catch (Exception e) {
            return Problems.fromThrowable(ctx, e);
          }
        }, ctx.blockingTaskExecutor())
        .exceptionally(thrown -> Problems.fromThrowable(ctx, thrown));
    return HttpResponse.of(response.thenApply(AggregatedHttpResponse::toHttpResponse));
  }
}
