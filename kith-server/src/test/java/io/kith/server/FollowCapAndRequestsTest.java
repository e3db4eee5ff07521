package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The follow cap holds however a follow comes to be: pending follow requests count against it when they are made,
 * so neither the owner accepting them nor the owner going public (which approves every pending request) can take
 * the requester past it. The follow rates stay at their defaults here, far from these tests.
 */
class FollowCapAndRequestsTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(Clock.systemUTC(), builder -> builder.maxFollowing(3));

  private final TestApi api = server.api();

  @Test
  void withTwoFollowsOnlyOneRequestFitsUnderACapOfThreeAndAcceptingItCannotPassTheCap() {
    Account me = api.signUp();
    api.follow(me, api.signUp());
    api.follow(me, api.signUp());
    Account[] locked = {api.signUp(), api.signUp(), api.signUp()};
    for (Account owner : locked) {
      api.setPrivate(owner, true);
    }

    assertThat(api.followState(me, locked[0])).isEqualTo("requested");
    for (Account owner : new Account[] {locked[1], locked[2]}) {
      Reply capped = api.put("/v1/me/following/" + owner.id(), me.token());
      assertThat(capped.status()).as("request to %s: %s", owner.handle(), capped).isEqualTo(403);
      assertThat(capped.code()).isEqualTo("limit_reached");
      assertThat(capped.json().get("detail").asText()).contains("3").contains("request");
      assertThat(api.relationship(me, owner).get("requested").asBoolean()).isFalse();
    }
    assertThat(api.readAll("/v1/me/follow-requests/outgoing", me.token(), 10)).containsExactly(locked[0].id());

    for (Account owner : locked) {
      Reply accept = api.post("/v1/me/follow-requests/" + me.id() + "/accept", owner.token(), null);
      assertThat(accept.status()).as("accept by %s", owner.handle()).isEqualTo(owner == locked[0] ? 204 : 404);
    }
    assertThat(api.counts(me)).containsExactly(0, 3, 0);
    Reply fourth = api.put("/v1/me/following/" + locked[1].id(), me.token());
    assertThat(fourth.status()).isEqualTo(403);
    assertThat(api.counts(me)).containsExactly(0, 3, 0);
  }

  @Test
  void goingPublicApprovesOnlyTheRequestsThatFitUnderTheCap() {
    Account me = api.signUp();
    api.follow(me, api.signUp());
    api.follow(me, api.signUp());
    Account first = api.signUp();
    Account second = api.signUp();
    api.setPrivate(first, true);
    api.setPrivate(second, true);
    assertThat(api.followState(me, first)).isEqualTo("requested");
    assertThat(api.put("/v1/me/following/" + second.id(), me.token()).code()).isEqualTo("limit_reached");

    api.setPrivate(first, false);
    api.setPrivate(second, false);

    assertThat(api.counts(me)).containsExactly(0, 3, 0);
    assertThat(api.relationship(me, first).get("following").asBoolean()).isTrue();
    assertThat(api.relationship(me, second).get("following").asBoolean()).isFalse();
    assertThat(api.put("/v1/me/following/" + second.id(), me.token()).code()).isEqualTo("limit_reached");
  }

  @Test
  void aCancelledOrRejectedRequestFreesItsPlace() {
    Account me = api.signUp();
    api.follow(me, api.signUp());
    api.follow(me, api.signUp());
    Account first = api.signUp();
    Account second = api.signUp();
    api.setPrivate(first, true);
    api.setPrivate(second, true);
    assertThat(api.followState(me, first)).isEqualTo("requested");
    assertThat(api.put("/v1/me/following/" + second.id(), me.token()).code()).isEqualTo("limit_reached");

    assertThat(api.delete("/v1/me/following/" + first.id(), me.token()).status()).isEqualTo(204);
    assertThat(api.followState(me, second)).as("the cancelled request's place").isEqualTo("requested");
    assertThat(api.put("/v1/me/following/" + first.id(), me.token()).code()).isEqualTo("limit_reached");

    assertThat(api.post("/v1/me/follow-requests/" + me.id() + "/reject", second.token(), null).status())
        .isEqualTo(204);
    assertThat(api.followState(me, first)).as("the rejected request's place").isEqualTo("requested");
    assertThat(api.followState(me, first)).as("repeating a pending request is free").isEqualTo("requested");
  }
}
