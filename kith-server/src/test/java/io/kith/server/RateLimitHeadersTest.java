package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RateLimit-Limit, -Remaining and -Reset on the limited endpoints, describing the limit closest to being reached.
 * Every account signs up from its own forwarded address, so that sign-ups never spend another test's budget; the
 * clock starts on an hour and only ever moves by whole minutes, so every Reset is exact.
 */
class RateLimitHeadersTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T00:00:00Z"));
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock, builder -> builder
      .trustForwardedFor(true)
      .followLimitPerMinute(4)
      .followLimitPerDay(6)
      .signupLimitPerIpHour(3)
      .loginFailureLimitPerAddress(3));

  @Test
  void successiveFollowsCountDownTheClosestLimitThen429() {
    TestApi api = server.api();
    Account me = signUpFrom(api, nextAddress());
    Account[] targets = new Account[8];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = signUpFrom(api, nextAddress());
    }
    // Per minute (4) is closer than per day (6): its bucket leaves the window in 60 s.
    for (int i = 0; i < 4; i++) {
      Reply follow = api.put("/v1/me/following/" + targets[i].id(), me.token());
      assertThat(follow.status()).isEqualTo(200);
      assertThat(rateLimit(follow)).as("follow %d", i + 1).containsExactly("4", Integer.toString(3 - i), "60");
    }
    Reply refused = api.put("/v1/me/following/" + targets[4].id(), me.token());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("retry-after")).isEqualTo("60");
    assertThat(rateLimit(refused)).containsExactly("4", "0", "60");

    // A minute later the per-minute window is empty and the per-day one (4 of 6 spent) is the closer.
    clock.advance(Duration.ofMinutes(1));
    long dayReset = Duration.ofDays(1).minusMinutes(1).toSeconds();
    Reply fifth = api.put("/v1/me/following/" + targets[4].id(), me.token());
    assertThat(rateLimit(fifth)).containsExactly("6", "1", Long.toString(dayReset));
    Reply sixth = api.put("/v1/me/following/" + targets[5].id(), me.token());
    assertThat(rateLimit(sixth)).containsExactly("6", "0", Long.toString(dayReset));
    Reply perDay = api.put("/v1/me/following/" + targets[6].id(), me.token());
    assertThat(perDay.status()).isEqualTo(429);
    assertThat(perDay.header("retry-after")).isEqualTo(Long.toString(dayReset));
    assertThat(rateLimit(perDay)).containsExactly("6", "0", Long.toString(dayReset));
  }

  @Test
  void signUpsCountDownPerAddress() {
    TestApi api = server.api();
    String address = nextAddress();
    long minute = clock.instant().getEpochSecond() / 60 % 5; // minutes into the current 5-minute bucket
    String reset = Long.toString(Duration.ofHours(1).minusMinutes(minute).toSeconds());
    for (int i = 0; i < 3; i++) {
      Reply signUp = signUpReply(api, address);
      assertThat(signUp.status()).isEqualTo(201);
      assertThat(rateLimit(signUp)).as("sign-up %d", i + 1).containsExactly("3", Integer.toString(2 - i), reset);
    }
    Reply refused = signUpReply(api, address);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("retry-after")).isEqualTo(reset);
    assertThat(rateLimit(refused)).containsExactly("3", "0", reset);
  }

  @Test
  void logInsCountDownFailures() {
    TestApi api = server.api();
    String address = nextAddress();
    Account account = signUpFrom(api, address);
    Reply ok = logIn(api, account, account.password(), address);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(rateLimit(ok)).as("a success spends nothing").containsExactly("3", "3", "0");
    for (int i = 0; i < 3; i++) {
      Reply wrong = logIn(api, account, "wrong password", address);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(rateLimit(wrong)).as("failure %d", i + 1).containsExactly("3", Integer.toString(2 - i), "900");
    }
    Reply refused = logIn(api, account, account.password(), address);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("retry-after")).isEqualTo("900");
    assertThat(rateLimit(refused)).containsExactly("3", "0", "900");
  }

  @Test
  void unlimitedEndpointsCarryNoHeaders() {
    TestApi api = server.api();
    Account me = signUpFrom(api, nextAddress());
    Account other = signUpFrom(api, nextAddress());
    api.follow(me, other);
    Reply again = api.put("/v1/me/following/" + other.id(), me.token());
    assertThat(again.status()).isEqualTo(200);
    for (Reply reply : new Reply[] {
        api.get("/v1/me", me.token()),
        api.get("/v1/users/" + other.id() + "/followers", me.token()),
        api.delete("/v1/me/following/" + other.id(), me.token()),
        api.get("/health"),
        again}) {
      assertThat(rateLimit(reply)).as("%s", reply).containsExactly(null, null, null);
    }
  }

  private static String[] rateLimit(Reply reply) {
    return new String[] {
        reply.header("ratelimit-limit"), reply.header("ratelimit-remaining"), reply.header("ratelimit-reset")};
  }

  private static String nextAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.51." + (n / 250) + "." + (n % 250 + 1);
  }

  private static Reply signUpReply(TestApi api, String address) {
    return api.send("POST", "/v1/accounts", null,
        json(fields("handle", TestApi.newHandle("user"), "password", TestApi.PASSWORD)),
        Map.of("X-Forwarded-For", address));
  }

  private static Account signUpFrom(TestApi api, String address) {
    String handle = TestApi.newHandle("user");
    Reply reply = api.send("POST", "/v1/accounts", null, json(fields("handle", handle, "password", TestApi.PASSWORD)),
        Map.of("X-Forwarded-For", address));
    assertThat(reply.status()).as("sign up: %s", reply).isEqualTo(201);
    return new Account(reply.json().at("/user/id").asText(), handle, reply.json().get("token").asText(),
        TestApi.PASSWORD);
  }

  private static Reply logIn(TestApi api, Account account, String password, String address) {
    return api.send("POST", "/v1/sessions", null, json(fields("handle", account.handle(), "password", password)),
        Map.of("X-Forwarded-For", address));
  }
}
