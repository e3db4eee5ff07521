package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.CapturedLog;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With CORS off (the default), preflights are refused cleanly and no OPTIONS request ever fails, whatever came before. */
class CorsOffTest {
  private static final Map<String, String> PREFLIGHT = Map.of(
      "Origin", "https://app.example",
      "Access-Control-Request-Method", "POST",
      "Access-Control-Request-Headers", "content-type, authorization");

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void optionsAfterAPreflightIsNeverAServerErrorNorAStackTrace() {
    try (CapturedLog log = new CapturedLog()) {
      for (String path : new String[] {"/v1/accounts", "/v1/users/1", "/v1/me", "/v1/nothing-here"}) {
        Reply preflight = api.send("OPTIONS", path, null, null, PREFLIGHT);
        assertThat(preflight.status()).as("preflight %s: %s", path, preflight)
            .isEqualTo(403);
        assertThat(preflight.code()).isEqualTo("forbidden");
        assertThat(preflight.header("access-control-allow-origin")).isNull();
        assertThat(preflight.header("x-request-id")).isNotBlank();
        for (int i = 0; i < 3; i++) {
          Reply options = api.send("OPTIONS", path, null, null);
          assertThat(options.status()).as("plain OPTIONS %s after a preflight: %s", path, options)
              .isBetween(400, 499);
          assertThat(options.contentType()).startsWith("application/problem+json");
          assertThat(options.json().get("request_id").asText()).isEqualTo(options.header("x-request-id"));
        }
      }
      assertThat(log.problems()).isEmpty();
    }
  }

  @Test
  void simpleCrossOriginRequestsGetNoCorsHeaders() {
    Reply reply = api.send("GET", "/health", null, null, Map.of("Origin", "https://app.example"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("access-control-allow-origin")).isNull();
  }
}
