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
 * Log-in failures per handle from one address and sign-ups per client IP, with small limits (the per-handle limit
 * across addresses: LoginFailureLimitsTest). Every sign-up of this class counts
 * against one address (127.0.0.1), so the tests share one budget and run in one method each, in order of need.
 */
class LoginAndSignupLimitsTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock, builder -> builder
      .loginFailureLimitPerAddress(3)
      .signupLimitPerIpHour(3));

  @Test
  void limitsOnLoginAndSignupHoldAcrossRestartsAndRevealNoAccount() {
    TestApi api = server.api();
    Account known = api.signUp();
    api.signUp();
    api.signUp();

    // ---- sign-ups: the fourth from this address in the hour is refused, X-Forwarded-For or not ----
    Reply fourth = api.post("/v1/accounts", null, json(fields("handle", TestApi.newHandle("user"),
        "password", TestApi.PASSWORD)));
    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.code()).isEqualTo("rate_limited");
    assertThat(fourth.header("retry-after")).isEqualTo("3600");
    Reply spoofed = api.send("POST", "/v1/accounts", null, json(fields("handle", TestApi.newHandle("user"),
        "password", TestApi.PASSWORD)), Map.of("X-Forwarded-For", "203.0.113.9"));
    assertThat(spoofed.status()).as("X-Forwarded-For is not trusted by default").isEqualTo(429);

    // ---- log-ins: three failures per handle from this address, then 429 from it whatever the password, known
    // handle or not (even from the address the account was created from) ----
    String unknownHandle = "nobody_" + System.nanoTime() % 100000;
    for (int i = 0; i < 3; i++) {
      Reply wrong = logIn(api, known.handle(), "wrong password " + i);
      Reply unknown = logIn(api, unknownHandle, "wrong password " + i);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(same(wrong, unknown)).isTrue();
    }
    Reply limitedKnown = logIn(api, known.handle(), TestApi.PASSWORD);
    Reply limitedUnknown = logIn(api, unknownHandle, TestApi.PASSWORD);
    assertThat(limitedKnown.status()).as("even the right password waits").isEqualTo(429);
    assertThat(limitedKnown.header("retry-after")).isEqualTo("900");
    assertThat(same(limitedKnown, limitedUnknown)).isTrue();
    assertThat(logIn(api, TestApi.newHandle("other"), "whatever pw").status())
        .as("other handles are not affected").isEqualTo(401);

    // ---- both survive a restart on the same data directory ----
    server.restart();
    api = server.api();
    assertThat(logIn(api, known.handle(), TestApi.PASSWORD).status()).isEqualTo(429);
    assertThat(api.post("/v1/accounts", null, json(fields("handle", TestApi.newHandle("user"),
        "password", TestApi.PASSWORD))).status()).isEqualTo(429);

    // ---- and both windows pass ----
    clock.advance(Duration.ofMinutes(15));
    assertThat(logIn(api, known.handle(), TestApi.PASSWORD).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(45));
    assertThat(api.post("/v1/accounts", null, json(fields("handle", TestApi.newHandle("user"),
        "password", TestApi.PASSWORD))).status()).isEqualTo(201);
  }

  @Test
  void behindATrustedProxyEachForwardedAddressHasItsOwnBudget() {
    // A second server on the same store (so with its own id-generator node), told to trust X-Forwarded-For.
    KithServer proxied = KithServer.builder().store(server.store()).port(0).clock(clock).argon2(64, 1, 1).nodeId(1)
        .gracefulShutdown(Duration.ZERO, Duration.ofSeconds(5))
        .signupLimitPerIpHour(2).trustForwardedFor(true).build().start();
    try {
      TestApi api = new TestApi(proxied.uri());
      for (String address : new String[] {"198.51.100.1", "198.51.100.2"}) {
        for (int i = 0; i < 3; i++) {
          Reply reply = api.send("POST", "/v1/accounts", null, json(fields("handle", TestApi.newHandle("proxied"),
              "password", TestApi.PASSWORD)), Map.of("X-Forwarded-For", address));
          assertThat(reply.status()).as("sign-up %d from %s", i, address).isEqualTo(i < 2 ? 201 : 429);
        }
      }
    } finally {
      proxied.stop();
    }
  }

  private static Reply logIn(TestApi api, String handle, String password) {
    return api.post("/v1/sessions", null, json(fields("handle", handle, "password", password)));
  }

  /** Same status, headers that matter and body apart from the request id. */
  private static boolean same(Reply a, Reply b) {
    assertThat(a.status()).isEqualTo(b.status());
    assertThat(a.contentType()).isEqualTo(b.contentType());
    assertThat(a.header("retry-after")).isEqualTo(b.header("retry-after"));
    assertThat(a.header("www-authenticate")).isEqualTo(b.header("www-authenticate"));
    assertThat(((ObjectNode) a.json().deepCopy()).without("request_id").toString())
        .isEqualTo(((ObjectNode) b.json().deepCopy()).without("request_id").toString());
    return true;
  }
}
