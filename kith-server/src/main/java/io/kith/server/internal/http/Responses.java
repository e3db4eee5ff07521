package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import io.kith.server.internal.json.Json;

/** Success responses. */
public final class Responses {
  private Responses() {}

  public static AggregatedHttpResponse json(HttpStatus status, Object body) {
    return AggregatedHttpResponse.of(status, MediaType.JSON_UTF_8, Json.bytes(body));
  }

  public static AggregatedHttpResponse ok(Object body) {
    return json(HttpStatus.OK, body);
  }

  public static AggregatedHttpResponse noContent() {
    return AggregatedHttpResponse.of(HttpStatus.NO_CONTENT);
  }
}
