package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;
import com.linecorp.armeria.server.annotation.DecoratorFactoryFunction;
import io.kith.server.internal.auth.Authenticator;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.auth.ServiceAuthenticator;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where a request leaves the event loop. It receives the whole body (bounded by the server's request
 * limit) on the event loop, then runs everything else in one task on the blocking task executor, because session
 * and user reads, store writes (fsync) and password hashing must never stall the event loop: the JSON media-type
 * check (415), the route's {@link Access} check (401/403), and the annotated service itself. The annotated services
 * are bound with {@code useBlockingTaskExecutor(false)}, and their own aggregation of the request finds this one
 * cached and complete, so they invoke the handler right away in the same task: one hop per request, never two.
 *
 * <p>The resolved caller is put in the request context ({@link #CALLER}), where {@link CallerConverter} hands it to
 * the handler, and recorded for the access log. Whatever fails inside (a refused token, a bad argument, the handler
 * itself) becomes a problem response right here, inside the route, so the server's decorators (CORS, compression,
 * metrics, access log) see it like any other answer.
 */
final class AccessDecorator extends SimpleDecoratingHttpService {
  static final AttributeKey<Caller> CALLER = AttributeKey.valueOf(AccessDecorator.class, "CALLER");

  private final Access.Who who;
  private final String scope;
  private final Authenticator users;
  private final ServiceAuthenticator services;

  AccessDecorator(HttpService delegate, Access.Who who, String scope, Authenticator users,
                  ServiceAuthenticator services) {
    super(delegate);
    this.who = who;
    this.scope = scope;
    this.users = users;
    this.services = services;
  }

  /** Builds each route's decorator from its {@link Access} annotation. */
  static final class Factory implements DecoratorFactoryFunction<Access> {
    private final Authenticator users;
    private final ServiceAuthenticator services;

    Factory(Authenticator users, ServiceAuthenticator services) {
      this.users = users;
      this.services = services;
    }

    @Override
    public Function<? super HttpService, ? extends HttpService> newDecorator(Access access) {
      return delegate -> new AccessDecorator(delegate, access.value(), access.scope(), users, services);
    }

    /** For services that are not annotated (health, metrics): anyone may call them, off the event loop too. */
    Function<? super HttpService, ? extends HttpService> anyone() {
      return delegate -> new AccessDecorator(delegate, Access.Who.ANYONE, "", users, services);
    }
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    return HttpResponse.of(req.aggregate().thenApplyAsync(aggregated -> {
      admit(ctx, aggregated);
      try {
        return unwrap().serve(ctx, withoutStrayContentType(req, aggregated));
      } catch (Exception e) {
        return HttpResponse.ofFailure(e);
      }
    }, ctx.blockingTaskExecutor())).recover(cause -> Problems.fromThrowable(ctx, cause).toHttpResponse());
  }

  /**
   * A request without a body may still say {@code Content-Type: multipart/form-data}; the annotated service would
   * then try to read a multipart body from a stream already read. Such a request goes on without the header, its
   * (empty) aggregation done here and cached, so the service still finds it complete and runs in this task.
   */
  private static HttpRequest withoutStrayContentType(HttpRequest req, AggregatedHttpRequest aggregated) {
    if (!aggregated.content().isEmpty() || aggregated.contentType() == null) {
      return req;
    }
    HttpRequest bodiless = HttpRequest.of(aggregated.headers().toBuilder()
        .removeAndThen(HttpHeaderNames.CONTENT_TYPE).build());
    bodiless.aggregate(ImmediateEventExecutor.INSTANCE);
    return bodiless;
  }

  /** Refuses the request (by throwing a problem) unless its body is JSON and its caller may call this route. */
  private void admit(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    switch (who) {
      case ANYONE -> JsonMediaType.require(request);
      case ANYONE_OR_USER -> {
        JsonMediaType.require(request);
        Optional<Caller> caller = users.optional(request.headers());
        caller.ifPresent(c -> identify(ctx, c));
      }
      case USER -> {
        JsonMediaType.require(request);
        identify(ctx, users.required(request.headers()));
      }
      case SERVICE -> {
        // A service must prove itself before it learns anything about the request's form.
        services.require(request.headers(), scope);
        JsonMediaType.require(request);
      }
    }
  }

  private static void identify(ServiceRequestContext ctx, Caller caller) {
    ctx.setAttr(CALLER, caller);
    AccessLogDecorator.recordUser(ctx, caller.userId());
  }
}
