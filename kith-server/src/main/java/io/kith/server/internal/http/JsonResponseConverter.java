package io.kith.server.internal.http;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ResponseConverterFunction;
import io.kith.server.internal.json.Json;

/**
 * Writes what a handler returns (a record) as {@code application/json; charset=utf-8} with {@link Json}'s mapper, in
 * one piece with its length. A handler that returns nothing answers 204 (Armeria's own rule for {@code void}).
 * Unlike {@code @ProducesJson}, this does not make routing depend on the client's {@code Accept} header.
 */
final class JsonResponseConverter implements ResponseConverterFunction {
  @Override
  public HttpResponse convertResponse(ServiceRequestContext ctx, ResponseHeaders headers, Object result,
                                      HttpHeaders trailers) {
    if (result == null) {
      return ResponseConverterFunction.fallthrough();
    }
    return HttpResponse.of(headers.toBuilder().contentType(MediaType.JSON_UTF_8).build(),
        HttpData.wrap(Json.bytes(result)), trailers);
  }
}
