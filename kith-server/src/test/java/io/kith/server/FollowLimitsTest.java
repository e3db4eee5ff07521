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

/**
 * The follow cap and the follow-action rates, with small configured limits and a clock moved by hand. The clock
 * starts on a 15-minute boundary, so every rate bucket starts exactly "now" and Retry-After is exact.
 */
class FollowLimitsTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock, builder -> builder
      .maxFollowing(3)
      .followLimitPerMinute(4)
      .followLimitPerDay(6));

  private TestApi api() {
    return server.api();
  }

  @Test
  void theFollowCapRefusesWithLimitReachedAndCountsNothing() {
    TestApi api = api();
    Account me = api.signUp();
    Account[] targets = {api.signUp(), api.signUp(), api.signUp(), api.signUp()};
    for (int i = 0; i < 3; i++) {
      api.follow(me, targets[i]);
    }
    api.follow(me, targets[0]); // following again is free: neither the cap nor the rates count it

    Reply capped = api.put("/v1/me/following/" + targets[3].id(), me.token());
    assertThat(capped.status()).isEqualTo(403);
    assertThat(capped.code()).isEqualTo("limit_reached");
    assertThat(capped.json().get("detail").asText()).contains("3");
    assertThat(api.counts(me)).containsExactly(0, 3, 0);

    api.delete("/v1/me/following/" + targets[0].id(), me.token());
    api.follow(me, targets[3]);
    assertThat(api.counts(me)).containsExactly(0, 3, 0);
  }

  @Test
  void followActionsPerMinuteAndPerDayGive429WithRetryAfterAndSurviveARestart() {
    TestApi api = api();
    Account me = api.signUp();
    Account[] targets = new Account[8];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = api.signUp();
    }
    api.setPrivate(targets[3], true);
    // Four actions in this minute (a follow request counts too), unfollowing (and withdrawing the request, which
    // counts against the cap while pending) to stay under the cap of 3.
    api.follow(me, targets[0]);
    api.follow(me, targets[1]);
    api.follow(me, targets[2]);
    api.delete("/v1/me/following/" + targets[0].id(), me.token());
    assertThat(api.followState(me, targets[3])).isEqualTo("requested");
    api.delete("/v1/me/following/" + targets[1].id(), me.token());
    api.delete("/v1/me/following/" + targets[2].id(), me.token());
    api.delete("/v1/me/following/" + targets[3].id(), me.token());

    Reply perMinute = api.put("/v1/me/following/" + targets[4].id(), me.token());
    assertThat(perMinute.status()).isEqualTo(429);
    assertThat(perMinute.code()).isEqualTo("rate_limited");
    assertThat(perMinute.header("retry-after")).isEqualTo("60");
    assertThat(perMinute.json().get("detail").asText()).contains("4 per minute");
    assertThat(api.relationship(me, targets[4]).get("following").asBoolean()).isFalse();

    clock.advance(Duration.ofSeconds(60));
    api = api();
    api.follow(me, targets[4]);
    api.follow(me, targets[5]); // six actions today: the daily limit
    Reply perDay = api.put("/v1/me/following/" + targets[6].id(), me.token());
    assertThat(perDay.status()).isEqualTo(429);
    assertThat(perDay.header("retry-after")).isEqualTo(Long.toString(Duration.ofDays(1).toSeconds() - 60));
    assertThat(perDay.json().get("detail").asText()).contains("6 per 24 hours");

    server.restart();
    api = api();
    Reply afterRestart = api.put("/v1/me/following/" + targets[6].id(), me.token());
    assertThat(afterRestart.status()).as("the window is in the store").isEqualTo(429);
    assertThat(afterRestart.header("retry-after")).isEqualTo(perDay.header("retry-after"));

    clock.advance(Duration.ofDays(1));
    me = api.logIn(me);
    assertThat(api.followState(me, targets[6])).isEqualTo("following");
  }
}
