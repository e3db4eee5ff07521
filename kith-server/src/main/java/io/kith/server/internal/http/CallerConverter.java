package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.RequestConverterFunction;
import io.kith.server.internal.auth.Authenticator.Caller;
import java.lang.reflect.ParameterizedType;

/**
 * A handler's {@code Caller} (or {@code Optional<Caller>}) parameter: the caller its route's {@link AccessDecorator}
 * resolved and put in the request context; none (empty) for an anonymous call on an {@code ANYONE_OR_USER} route.
 */
final class CallerConverter implements RequestConverterFunction {
  @Override
  public Object convertRequest(ServiceRequestContext ctx, AggregatedHttpRequest request, Class<?> expectedResultType,
                               ParameterizedType expectedParameterizedResultType) {
    if (expectedResultType != Caller.class) {
      return RequestConverterFunction.fallthrough();
    }
    return ctx.attr(AccessDecorator.CALLER);
  }
}
