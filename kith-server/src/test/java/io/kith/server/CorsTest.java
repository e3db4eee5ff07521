package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.server.testing.CapturedLog;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code --cors-origins}, preflights from those origins are answered and answers expose Kith's headers. */
class CorsTest {
  private static final Map<String, String> PREFLIGHT = Map.of(
      "Origin", "https://app.example",
      "Access-Control-Request-Method", "POST",
      "Access-Control-Request-Headers", "content-type, authorization");

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(Clock.systemUTC(),
      builder -> builder.corsOrigins("https://app.example,https://admin.example:8443"));

  private final TestApi api = server.api();

  @Test
  void preflightFromAnAllowedOriginIsAnswered() {
    try (CapturedLog log = new CapturedLog()) {
      Reply reply = api.send("OPTIONS", "/v1/accounts", null, null, PREFLIGHT);
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.header("access-control-allow-origin")).isEqualTo("https://app.example");
      assertThat(reply.header("access-control-allow-methods")).contains("POST", "GET", "PATCH", "PUT", "DELETE");
      assertThat(reply.header("access-control-allow-headers").toLowerCase())
          .contains("authorization", "content-type");
      assertThat(reply.header("access-control-max-age")).isEqualTo("600");
      assertThat(reply.header("x-request-id")).isNotBlank();
      for (int i = 0; i < 3; i++) {
        Reply options = api.send("OPTIONS", "/v1/accounts", null, null);
        assertThat(options.status()).as("plain OPTIONS after a preflight: %s", options).isBetween(400, 499);
      }
      assertThat(log.problems()).isEmpty();
    }
  }

  @Test
  void preflightFromAnotherOriginGetsNoCorsHeaders() {
    // Without Access-Control-Allow-Origin the browser refuses to send the request; the status is not what stops it.
    Map<String, String> headers = Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
    Reply reply = api.send("OPTIONS", "/v1/accounts", null, null, headers);
    assertThat(reply.status()).isLessThan(500);
    assertThat(reply.header("access-control-allow-origin")).isNull();
    assertThat(reply.header("access-control-allow-methods")).isNull();
  }

  @Test
  void aBadOriginFlagStopsTheServerBeforeItOpensTheStore() {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err, true))
        .execute("serve", "--data", "/nonexistent/kith-never-created", "--cors-origins", "https://a.example, b.example");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("kith: --cors-origins: 'b.example' (expected: comma-separated origins");
  }

  @Test
  void originsAreCheckedWhenConfigured() {
    assertThatThrownBy(() -> KithServer.builder().corsOrigins("https://app.example/"))
        .hasMessageStartingWith("cors-origins: 'https://app.example/' (expected: comma-separated origins");
    assertThatThrownBy(() -> KithServer.builder().corsOrigins("https://app.example,*"))
        .hasMessageStartingWith("cors-origins: '*' (expected:");
    assertThatThrownBy(() -> KithServer.builder().corsOrigins("ftp://files.example"))
        .hasMessageStartingWith("cors-origins: 'ftp://files.example' (expected:");
    assertThatThrownBy(() -> KithServer.builder().corsOrigins("https://App.example"))
        .hasMessageStartingWith("cors-origins: 'https://App.example' (expected:");
    assertThatThrownBy(() -> KithServer.builder().corsOrigins(""))
        .hasMessageStartingWith("cors-origins: '' (expected:");
  }

  @Test
  void actualRequestsFromAnAllowedOriginExposeKithsHeaders() {
    Reply reply = api.send("GET", "/v1/users/1", null, null, Map.of("Origin", "https://admin.example:8443"));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("access-control-allow-origin")).isEqualTo("https://admin.example:8443");
    assertThat(reply.header("access-control-expose-headers").toLowerCase())
        .contains("x-request-id", "retry-after", "location", "ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset");
    assertThat(reply.header("vary")).containsIgnoringCase("origin");
  }

  @Test
  void otherOriginsGetNoCorsHeadersButTheSameAnswer() {
    Reply reply = api.send("GET", "/health", null, null, Map.of("Origin", "https://evil.example"));
    assertThat(reply.header("access-control-allow-origin")).isNull();
  }
}
