package io.kith.core.limit;

import static io.kith.core.limit.RateLimiterTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.KithException;
import io.kith.core.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  private static final UserId ALICE = UserId.of(1001);
  private static final String HOME = "198.51.100.7";

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final LoginLimiter login = new LoginLimiter(
      new RateLimiter(new WindowsOnlyStore().store(), clock), LoginLimits.of(3, 5, 30));

  @Test
  void failuresFromOneAddressStopThatAddressForThatHandleOnly() {
    fail("alice", "203.0.113.1", 3);
    KithException refused = refusal(() -> login.check("alice", Optional.of(ALICE), "203.0.113.1"));
    assertThat(refused.detail()).isEqualTo("too many attempts: at most 3 per 15 minutes");
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(15));

    login.check("alice", Optional.of(ALICE), "203.0.113.2");
    login.check("bob", Optional.empty(), "203.0.113.1");
    clock.advance(Duration.ofMinutes(15));
    login.check("alice", Optional.of(ALICE), "203.0.113.1");
  }

  @Test
  void checkTellsTheClosestFailureLimitIfTheLogInSucceedsAndIfItFails() {
    assertThat(login.check("alice", Optional.of(ALICE), "203.0.113.1")).isEqualTo(new LoginLimiter.Standing(
        new RateLimitStatus(3, 3, Duration.ZERO), new RateLimitStatus(3, 2, Duration.ofMinutes(15))));
    fail("alice", "203.0.113.1", 1);
    clock.advance(Duration.ofMinutes(1));
    fail("alice", "203.0.113.2", 1);
    fail("alice", "203.0.113.3", 2);
    // Four of five failures per handle are spent: closer than this address's own (one of three).
    assertThat(login.check("alice", Optional.of(ALICE), "203.0.113.1")).isEqualTo(new LoginLimiter.Standing(
        new RateLimitStatus(5, 1, Duration.ofMinutes(14)), new RateLimitStatus(5, 0, Duration.ofMinutes(14))));
  }

  @Test
  void failuresAcrossAddressesStopEveryAddressButTheAccountsKnownOnes() {
    login.succeeded(ALICE, HOME);
    for (int i = 1; i <= 5; i++) {
      fail("alice", "203.0.113." + i, 1);
    }
    KithException refused = refusal(() -> login.check("alice", Optional.of(ALICE), "192.0.2.1"));
    assertThat(refused.detail()).isEqualTo("too many attempts: at most 5 per 15 minutes");
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(15));
    login.check("alice", Optional.of(ALICE), HOME);

    // The known address still has its own per-address limit.
    fail("alice", HOME, 3);
    refusal(() -> login.check("alice", Optional.of(ALICE), HOME));
  }

  @Test
  void aHandleWithoutAnAccountGetsExactlyTheAnswerOfOneWithAnAccount() {
    login.succeeded(ALICE, HOME);
    for (int i = 1; i <= 5; i++) {
      fail("alice", "203.0.113." + i, 1);
      fail("nobody", "203.0.113." + i, 1);
    }
    KithException withAccount = refusal(() -> login.check("alice", Optional.of(ALICE), "192.0.2.1"));
    KithException without = refusal(() -> login.check("nobody", Optional.empty(), "192.0.2.1"));
    assertThat(without.detail()).isEqualTo(withAccount.detail());
    assertThat(without.retryAfter()).isEqualTo(withAccount.retryAfter());
    refusal(() -> login.check("nobody", Optional.empty(), HOME));
  }

  @Test
  void theAnswerWaitsForTheLaterOfTheTwoLimits() {
    fail("alice", "203.0.113.1", 3); // the per-address limit is full until 00:15
    clock.advance(Duration.ofMinutes(10));
    fail("alice", "203.0.113.2", 5); // the per-handle one until 00:25
    KithException refused = refusal(() -> login.check("alice", Optional.of(ALICE), "203.0.113.1"));
    assertThat(refused.detail()).isEqualTo("too many attempts: at most 5 per 15 minutes");
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(5));
    refused = refusal(() -> login.check("alice", Optional.of(ALICE), "203.0.113.1"));
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(10));
    login.check("alice", Optional.of(ALICE), "203.0.113.1");
  }

  @Test
  void anAddressIsKnownToTheAccountNotTheHandleAndForgottenAfterItsDays() {
    login.succeeded(ALICE, HOME);
    UserId laterOwner = UserId.of(2002); // someone who claims the handle after alice gave it up
    for (int i = 1; i <= 5; i++) {
      fail("alice", "203.0.113." + i, 1);
    }
    refusal(() -> login.check("alice", Optional.of(laterOwner), HOME));
    login.check("alice", Optional.of(ALICE), HOME);

    clock.advance(Duration.ofDays(30));
    for (int i = 1; i <= 5; i++) {
      fail("alice", "203.0.113." + i, 1);
    }
    refusal(() -> login.check("alice", Optional.of(ALICE), HOME));
    login.succeeded(ALICE, HOME);
    login.check("alice", Optional.of(ALICE), HOME);
  }

  private void fail(String handle, String address, int times) {
    for (int i = 0; i < times; i++) {
      login.failed(handle, address);
    }
  }
}
