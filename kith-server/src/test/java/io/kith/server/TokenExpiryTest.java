package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Its own server: moving the clock would disturb other tests. */
class TokenExpiryTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock);

  private final TestApi api = server.api();

  @Test
  void expiredTokensAreRefusedAndLogInIssuesAFreshOne() {
    Account account = api.signUp();
    clock.advance(Duration.ofMinutes(59));
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(1)); // the extension's lifetime is one hour
    Reply expired = api.get("/v1/me", account.token());
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("unauthenticated");
    assertThat(expired.json().get("detail").asText()).contains("expired");
    assertThat(expired.header("www-authenticate")).startsWith("Bearer");

    Account again = api.logIn(account);
    assertThat(api.get("/v1/me", again.token()).status()).isEqualTo(200);
  }
}
