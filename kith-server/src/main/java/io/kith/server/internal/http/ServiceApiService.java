package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.server.internal.auth.Authenticator;
import io.kith.server.internal.auth.ServiceAuthenticator;
import java.util.concurrent.CompletableFuture;

/**
 * Like {@link BlockingApiService}, for endpoints that only internal services may call: the request must carry a
 * service token holding {@code scope} before the handler runs at all.
 */
public final class ServiceApiService implements HttpService {
  private final ApiHandler handler;
  private final Authenticator users;
  private final ServiceAuthenticator services;
  private final String scope;

  public ServiceApiService(ApiHandler handler, Authenticator users, ServiceAuthenticator services, String scope) {
    this.handler = handler;
    this.users = users;
    this.services = services;
    this.scope = scope;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    CompletableFuture<AggregatedHttpResponse> response = req.aggregate()
        .thenApplyAsync(aggregated -> {
          try {
            services.require(aggregated.headers(), scope);
            JsonMediaType.require(aggregated);
            return handler.handle(new ApiRequest(ctx, aggregated, users));
          } catch (Exception e) {
            return Problems.fromThrowable(ctx, e);
          }
        }, ctx.blockingTaskExecutor())
        .exceptionally(thrown -> Problems.fromThrowable(ctx, thrown));
    return HttpResponse.of(response.thenApply(AggregatedHttpResponse::toHttpResponse));
  }
}
