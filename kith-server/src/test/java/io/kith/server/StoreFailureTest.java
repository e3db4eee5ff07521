package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Its own server, because it breaks the store under it on purpose. */
class StoreFailureTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void aStoreThatFailsMakesHealthUnavailableAndRequestsInternalWithoutLeakingDetails() {
    Account account = api.signUp();
    assertThat(api.get("/health").status()).isEqualTo(200);

    server.store().close(); // every store call now fails permanently

    Reply health = api.get("/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.code()).isEqualTo("unavailable");
    assertThat(health.header("retry-after")).isNotBlank();

    for (Reply reply : new Reply[] {
        api.get("/v1/users/" + account.id()),
        api.get("/v1/me", account.token()),
        api.post("/v1/accounts", null, json(fields("handle", TestApi.newHandle("late"), "password", "12345678")))}) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(500);
      assertThat(reply.code()).isEqualTo("internal");
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body()).doesNotContainIgnoringCase("rocksdb").doesNotContain("Exception")
          .doesNotContain("at io.kith");
      assertThat(reply.json().get("detail").asText()).contains(reply.json().get("request_id").asText());
      assertThat(reply.header("x-request-id")).isEqualTo(reply.json().get("request_id").asText());
    }
  }
}
