package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.RequestConverterFunction;
import io.kith.server.internal.json.JsonBodies;
import io.kith.server.internal.json.JsonBody;
import java.lang.reflect.ParameterizedType;

/**
 * A handler's request-body parameter: a record marked {@link JsonBody}, read strictly by {@link JsonBodies} (400
 * naming what to fix). An optional body that was not sent reads as {@code {}}: every field absent.
 */
final class JsonBodyConverter implements RequestConverterFunction {
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  @Override
  public Object convertRequest(ServiceRequestContext ctx, AggregatedHttpRequest request, Class<?> expectedResultType,
                               ParameterizedType expectedParameterizedResultType) {
    JsonBody body = expectedResultType.getAnnotation(JsonBody.class);
    if (body == null) {
      return RequestConverterFunction.fallthrough();
    }
    byte[] content = request.content().array();
    return JsonBodies.read(content.length == 0 && body.optional() ? EMPTY_OBJECT : content, expectedResultType);
  }
}
