package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authenticator's session cache (30 s here): this server's log-outs apply at once; a session removed from the
 * store by another server sharing it (simulated by deleting it in the store directly) is refused within the TTL;
 * token expiry and account deletion still apply to cached sessions. Its own server: it moves the clock.
 */
class SessionCacheTest {
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock, b -> b.sessionCache(1_000, TTL));

  private final TestApi api = server.api();

  @Test
  void aLoggedOutTokenIsRefusedAtOnceOnTheServerThatLoggedItOut() {
    Account account = api.signUp();
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(200); // now cached
    assertThat(api.delete("/v1/sessions/current", account.token()).status()).isEqualTo(204);
    Reply after = api.get("/v1/me", account.token());
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.code()).isEqualTo("unauthenticated");
  }

  @Test
  void aSessionRemovedByAnotherServerIsRefusedWithinTheTtl() {
    Account account = api.signUp();
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(200); // now cached
    // What a log-out through another server sharing the store does: delete the row, evict nothing here.
    assertThat(server.store().deleteSession(BearerTokens.hash(account.token()))).isTrue();
    clock.advance(TTL.minusSeconds(1));
    assertThat(api.get("/v1/me", account.token()).status()).as("within the TTL, from the cache").isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(api.get("/v1/me", account.token()).status()).as("once the TTL has passed").isEqualTo(401);
  }

  @Test
  void aCachedSessionStillExpires() {
    Account account = api.signUp();
    clock.advance(Duration.ofMinutes(59).plusSeconds(50)); // the extension's token lifetime is one hour
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(200); // cached, 10 s left to live
    clock.advance(Duration.ofSeconds(10));
    Reply expired = api.get("/v1/me", account.token());
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("detail").asText()).contains("expired");
  }

  @Test
  void deletingTheAccountRefusesEveryOneOfItsTokensAtOnce() {
    Account account = api.signUp();
    Account again = api.logIn(account);
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(200);
    assertThat(api.get("/v1/me", again.token()).status()).isEqualTo(200);
    assertThat(api.delete("/v1/me", account.token()).status()).isEqualTo(204);
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(401);
    assertThat(api.get("/v1/me", again.token()).status()).isEqualTo(401);
  }
}
