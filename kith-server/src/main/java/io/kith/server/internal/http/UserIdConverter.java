package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.RequestConverterFunction;
import io.kith.core.TextRules;
import io.kith.core.UserId;
import java.lang.reflect.ParameterizedType;

/**
 * A handler's {@code UserId} parameter: the route's {@code {id}} path segment, parsed by {@link UserId#parse} and
 * refused (400 on field {@code id}) exactly as that says. Every route that names a user in its path calls it
 * {@code {id}}.
 */
final class UserIdConverter implements RequestConverterFunction {
  static final String PATH_PARAM = "id";

  @Override
  public Object convertRequest(ServiceRequestContext ctx, AggregatedHttpRequest request, Class<?> expectedResultType,
                               ParameterizedType expectedParameterizedResultType) {
    if (expectedResultType != UserId.class) {
      return RequestConverterFunction.fallthrough();
    }
    String raw = ctx.pathParam(PATH_PARAM);
    if (raw == null) {
      throw new IllegalStateException("route " + ctx.config().route().patternString() + " has no {id} for a UserId");
    }
    return UserId.parse(PATH_PARAM, TextRules.requireWellFormed(PATH_PARAM, raw));
  }
}
