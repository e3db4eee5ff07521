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
import java.util.LinkedHashMap;
import java.util.Map;
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
  void wrongMethodSaysWhichMethodsAreAllowed() {
    assertThat(api.send("POST", "/v1/me", null, "{}").header("allow")).isEqualTo("GET, PATCH, DELETE");
    assertThat(api.send("OPTIONS", "/v1/accounts", null, null).header("allow")).isEqualTo("POST");
    Reply reply = api.send("GET", "/v1/me/following/123", null, null);
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.code()).isEqualTo("method_not_allowed");
    assertThat(reply.header("allow")).isEqualTo("PUT, DELETE");
  }

  @Test
  void everyRefusalCarriesItsRequestIdInHeaderAndBody() {
    Account me = api.signUp();
    Map<String, Reply> replies = new LinkedHashMap<>();
    replies.put("404", api.get("/v1/nothing-here"));
    replies.put("405", api.send("POST", "/v1/me", null, "{}"));
    replies.put("413", api.post("/v1/accounts", null, json(fields("handle", newHandle("big"), "password",
        "12345678", "display_name", "x".repeat(70 * 1024)))));
    replies.put("414", api.get("/v1/users/1?cursor=" + "c".repeat(70 * 1024)));
    replies.put("431", api.send("GET", "/v1/me", me.token(), null, Map.of("X-Padding", "p".repeat(70 * 1024))));
    replies.put("415", api.send("POST", "/v1/sessions", null, "{}", Map.of("Content-Type", "text/plain")));
    replies.forEach((status, reply) -> {
      assertThat(reply.status()).as("%s: %s", status, reply).isEqualTo(Integer.parseInt(status));
      assertThat(reply.contentType()).as(status).startsWith("application/problem+json");
      assertThat(reply.header("x-request-id")).as(status).isNotBlank();
      assertThat(reply.headers().allValues("x-request-id")).as(status).hasSize(1);
      assertThat(reply.json().path("request_id").asText()).as(status).isEqualTo(reply.header("x-request-id"));
    });
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
