package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static io.kith.server.testing.TestApi.newHandle;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpErrorsAndOpsTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void unknownRouteIsAProblem() {
    Reply reply = api.get("/v1/nothing-here");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.code()).isEqualTo("not_found");
    assertThat(reply.json().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void wrongMethodIsAProblem() {
    Reply reply = api.send("POST", "/v1/me", null, "{}");
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.code()).isNotEmpty();
    assertThat(reply.json().get("status").asInt()).isEqualTo(405);
  }

  @Test
  void bodiesOverSixtyFourKibAreRefusedAndChangeNothing() {
    String handle = newHandle("big");
    String body = json(fields("handle", handle, "password", "12345678", "display_name", "x".repeat(70 * 1024)));
    Reply reply = api.post("/v1/accounts", null, body);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.code()).isEqualTo("payload_too_large");
    assertThat(server.store().userByHandle(Handle.parse("handle", handle))).isEmpty();
  }

  @Test
  void largeButAllowedBodyIsJudgedOnItsContent() {
    Account me = api.signUp();
    Reply reply = api.patch("/v1/me", me.token(), json(fields("bio", "b".repeat(60 * 1024))));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("bio");
  }

  @Test
  void healthIsOkWhileTheStoreIs() {
    Reply reply = api.get("/health");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void metricsHaveRequestCountsAndLatencyPerRouteAndJvmMetrics() {
    Account me = api.signUp();
    api.get("/v1/me", me.token());
    api.get("/v1/users/" + me.id());

    Reply reply = api.get("/metrics");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    assertThat(reply.body())
        .contains("kith_http_requests_total")
        .contains("route=\"/v1/me\"")
        .contains("route=\"/v1/users/:id\"")
        .contains("route=\"/v1/accounts\"")
        .contains("kith_http_request_duration_seconds")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void responsesCarryARequestId() {
    Reply reply = api.get("/health");
    assertThat(reply.header("x-request-id")).isNotBlank();
    Reply problem = api.get("/v1/users/0");
    assertThat(problem.json().get("request_id").asText()).isEqualTo(problem.header("x-request-id"));
  }
}
