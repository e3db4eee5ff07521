package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.MediaType;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import java.nio.charset.StandardCharsets;

/**
 * A request body must be declared {@code application/json}, in UTF-8 or without a charset. Besides meaning what
 * it says, this keeps web pages on other sites from posting to Kith without a CORS preflight: a browser sends
 * {@code text/plain} or form bodies cross-site freely, but never {@code application/json}.
 */
final class JsonMediaType {
  private JsonMediaType() {}

  /** Refuses (415) a request that has a body not declared as UTF-8 JSON; a request without a body passes. */
  static void require(AggregatedHttpRequest request) {
    if (request.content().isEmpty()) {
      return;
    }
    MediaType type = request.contentType();
    if (type == null) {
      throw unsupported("request body needs Content-Type: application/json");
    }
    if (!"application".equals(type.type()) || !"json".equals(type.subtype())) {
      throw unsupported("request body must be application/json (was " + type.withoutParameters() + ")");
    }
    String charset = type.parameters().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("charset"))
        .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
      throw unsupported("request body must be UTF-8 JSON (was charset " + charset + ")");
    }
  }

  private static KithException unsupported(String detail) {
    return KithException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, detail);
  }
}
