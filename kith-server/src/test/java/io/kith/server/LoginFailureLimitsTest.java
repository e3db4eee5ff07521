package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed log-ins are limited per handle and client address, and per handle across addresses for addresses that
 * have not logged in to it lately: strangers cannot lock an owner out of its own address, and guessing from many
 * addresses is still slowed. Client addresses are set through X-Forwarded-For, which this server trusts.
 */
class LoginFailureLimitsTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T00:00:00Z"));
  private static final String OWNER_ADDRESS = "198.51.100.7";

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock, builder -> builder
      .trustForwardedFor(true)
      .loginFailureLimit(6)
      .loginFailureLimitPerAddress(3));

  private final TestApi api = server.api();

  @Test
  void failuresFromManyAddressesSlowGuessingButNeverLockTheOwnerOutOfItsKnownAddress() {
    Account owner = api.signUp();
    assertThat(logIn(owner.handle(), TestApi.PASSWORD, OWNER_ADDRESS).status()).isEqualTo(200);
    String unknownHandle = "nobody_" + System.nanoTime() % 100000;

    for (int i = 1; i <= 6; i++) {
      assertThat(logIn(owner.handle(), "wrong password", "203.0.113." + i).status()).isEqualTo(401);
      assertThat(logIn(unknownHandle, "wrong password", "203.0.113." + i).status()).isEqualTo(401);
    }
    Reply stranger = logIn(owner.handle(), TestApi.PASSWORD, "203.0.113.50");
    assertThat(stranger.status()).as("a new address waits, even with the right password").isEqualTo(429);
    assertThat(stranger.code()).isEqualTo("rate_limited");
    assertThat(stranger.header("retry-after")).isEqualTo("900");
    assertSame(stranger, logIn(unknownHandle, TestApi.PASSWORD, "203.0.113.50"));

    assertThat(logIn(owner.handle(), TestApi.PASSWORD, OWNER_ADDRESS).status())
        .as("the owner's own address gets through").isEqualTo(200);
  }

  @Test
  void failuresFromOneAddressStopOnlyThatAddressWhateverThePassword() {
    Account owner = api.signUp(); // from 127.0.0.1, now known to the account
    String unknownHandle = "nobody_" + System.nanoTime() % 100000;
    String attacker = "203.0.113.9";
    for (int i = 0; i < 3; i++) {
      assertThat(logIn(owner.handle(), "wrong password " + i, attacker).status()).isEqualTo(401);
      assertThat(logIn(unknownHandle, "wrong password " + i, attacker).status()).isEqualTo(401);
    }
    Reply limited = logIn(owner.handle(), TestApi.PASSWORD, attacker);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("retry-after")).isEqualTo("900");
    assertThat(limited.json().get("detail").asText()).contains("3 per 15 minutes");
    assertSame(limited, logIn(unknownHandle, TestApi.PASSWORD, attacker));

    assertThat(logIn(owner.handle(), TestApi.PASSWORD, "192.0.2.44").status())
        .as("another address, even a new one, while the handle is under its per-handle limit").isEqualTo(200);
    assertThat(logIn(owner.handle(), TestApi.PASSWORD, "127.0.0.1").status())
        .as("the address the account was created from").isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      logIn(owner.handle(), "a typo", OWNER_ADDRESS);
    }
    assertThat(logIn(owner.handle(), TestApi.PASSWORD, OWNER_ADDRESS).status())
        .as("a known address has its own per-address limit too").isEqualTo(429);
  }

  @Test
  void anIpv6AddressCountsByItsSlash64AndStaysKnownForThirtyDays() {
    Account owner = api.signUp();
    assertThat(logIn(owner.handle(), TestApi.PASSWORD, "2001:db8:aa:bb::1").status()).isEqualTo(200);
    guessFromSixAddresses(owner.handle());

    assertThat(logIn(owner.handle(), TestApi.PASSWORD, "2001:db8:aa:bb:ffff:1:2:3").status())
        .as("the same /64").isEqualTo(200);
    assertThat(logIn(owner.handle(), TestApi.PASSWORD, "2001:db8:aa:cc::1").status())
        .as("another /64").isEqualTo(429);

    // 30 days on, without a log-in since, the address is a stranger again.
    clock.advance(Duration.ofDays(30));
    guessFromSixAddresses(owner.handle());
    assertThat(logIn(owner.handle(), TestApi.PASSWORD, "2001:db8:aa:bb::1").status()).isEqualTo(429);
  }

  /** Six wrong passwords from six addresses: the handle's limit across addresses. */
  private void guessFromSixAddresses(String handle) {
    for (int i = 1; i <= 6; i++) {
      assertThat(logIn(handle, "wrong password", "2001:db8:666:" + i + "::1").status()).isEqualTo(401);
    }
  }

  private Reply logIn(String handle, String password, String address) {
    return api.send("POST", "/v1/sessions", null, json(fields("handle", handle, "password", password)),
        Map.of("X-Forwarded-For", address));
  }

  /** Same status, headers that matter and body apart from the request id: nothing tells whether a handle exists. */
  private static void assertSame(Reply a, Reply b) {
    assertThat(a.status()).isEqualTo(b.status());
    assertThat(a.contentType()).isEqualTo(b.contentType());
    assertThat(a.header("retry-after")).isEqualTo(b.header("retry-after"));
    assertThat(((ObjectNode) a.json().deepCopy()).without("request_id").toString())
        .isEqualTo(((ObjectNode) b.json().deepCopy()).without("request_id").toString());
  }
}
