package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Private accounts: follow requests, their lists, accept, reject, withdraw, and the switch to public. */
class FollowRequestsTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void followingAPrivateAccountAsksAndTheOwnerAccepts() {
    Account owner = api.signUp();
    Account fan = api.signUp();
    Account other = api.signUp();
    api.setPrivate(owner, true);

    assertThat(api.followState(fan, owner)).isEqualTo("requested");
    assertThat(api.followState(fan, owner)).as("asking again changes nothing").isEqualTo("requested");
    assertThat(api.followState(other, owner)).isEqualTo("requested");
    assertThat(api.counts(owner)).containsExactly(0, 0, 0);

    // Newest first, cards with requested_at; the requester sees its outgoing request.
    Reply incoming = api.get("/v1/me/follow-requests", owner.token());
    assertThat(incoming.status()).isEqualTo(200);
    assertThat(TestApi.ids(incoming)).containsExactly(other.id(), fan.id());
    JsonNode first = incoming.json().get("items").get(0);
    assertThat(first.get("handle").asText()).isEqualTo(other.handle());
    assertThat(first.get("requested_at").asText()).endsWith("Z");
    assertThat(first.at("/viewer/requested_by").asBoolean()).isTrue();
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests/outgoing", fan.token()))).containsExactly(owner.id());
    assertThat(api.relationship(fan, owner).get("requested").asBoolean()).isTrue();
    assertThat(api.relationship(owner, fan).get("requested_by").asBoolean()).isTrue();

    assertThat(api.post("/v1/me/follow-requests/" + fan.id() + "/accept", owner.token(), null).status())
        .isEqualTo(204);
    assertThat(api.counts(owner)).containsExactly(1, 0, 0);
    assertThat(api.counts(fan)).containsExactly(0, 1, 0);
    JsonNode relationship = api.relationship(fan, owner);
    assertThat(relationship.get("following").asBoolean()).isTrue();
    assertThat(relationship.get("requested").asBoolean()).isFalse();
    assertThat(api.followState(fan, owner)).as("already following").isEqualTo("following");
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests", owner.token()))).containsExactly(other.id());
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests/outgoing", fan.token()))).isEmpty();

    // Answering twice, or a request that does not exist: 404.
    Reply again = api.post("/v1/me/follow-requests/" + fan.id() + "/accept", owner.token(), null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.code()).isEqualTo("not_found");
    assertThat(api.post("/v1/me/follow-requests/" + other.id() + "/reject", fan.token(), null).status())
        .as("only the owner answers").isEqualTo(404);
  }

  @Test
  void rejectAndWithdrawLeaveNoEdge() {
    Account owner = api.signUp();
    Account rejected = api.signUp();
    Account withdrawing = api.signUp();
    api.setPrivate(owner, true);
    api.followState(rejected, owner);
    api.followState(withdrawing, owner);

    assertThat(api.post("/v1/me/follow-requests/" + rejected.id() + "/reject", owner.token(), null).status())
        .isEqualTo(204);
    assertThat(api.delete("/v1/me/following/" + owner.id(), withdrawing.token()).status()).isEqualTo(204);

    assertThat(TestApi.ids(api.get("/v1/me/follow-requests", owner.token()))).isEmpty();
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests/outgoing", rejected.token()))).isEmpty();
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests/outgoing", withdrawing.token()))).isEmpty();
    assertThat(api.counts(owner)).containsExactly(0, 0, 0);
    assertThat(api.relationship(rejected, owner).get("requested").asBoolean()).isFalse();
    // Asking again after a rejection is allowed.
    assertThat(api.followState(rejected, owner)).isEqualTo("requested");
  }

  @Test
  void requestListsPageNewestFirstWithWorkingCursors() {
    Account owner = api.signUp();
    api.setPrivate(owner, true);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Account requester = api.signUp();
      api.followState(requester, owner);
      expected.add(requester.id());
    }
    Collections.reverse(expected);

    assertThat(api.readAll("/v1/me/follow-requests", owner.token(), 3)).containsExactlyElementsOf(expected);
    String cursor = api.get("/v1/me/follow-requests?limit=3", owner.token()).json().get("next_cursor").asText();
    Reply foreignCursor = api.get("/v1/me/follow-requests/outgoing?cursor=" + cursor, owner.token());
    assertThat(foreignCursor.status()).isEqualTo(400);
    assertThat(foreignCursor.field()).isEqualTo("cursor");
  }

  @Test
  void goingPublicApprovesEveryPendingRequestWithExactCounts() {
    Account owner = api.signUp();
    Account friend = api.signUp();
    api.setPrivate(owner, true);
    // The owner already follows one requester: approving that one makes a friend.
    api.follow(owner, friend);
    int requesters = 300;
    List<Account> accounts = new ArrayList<>();
    accounts.add(friend);
    api.followState(friend, owner);
    for (int i = 1; i < requesters; i++) {
      Account requester = api.signUp();
      assertThat(api.followState(requester, owner)).isEqualTo("requested");
      accounts.add(requester);
    }
    assertThat(api.readAll("/v1/me/follow-requests", owner.token(), 100)).hasSize(requesters);

    api.setPrivate(owner, false);

    assertThat(api.counts(owner)).containsExactly(requesters, 1, 1);
    assertThat(api.readAll("/v1/me/follow-requests", owner.token(), 100)).isEmpty();
    assertThat(api.readAll("/v1/users/" + owner.id() + "/followers", null, 100))
        .containsExactlyInAnyOrderElementsOf(accounts.stream().map(Account::id).toList());
    assertThat(api.counts(accounts.get(150))).containsExactly(0, 1, 0);
    assertThat(api.relationship(accounts.get(299), owner).get("following").asBoolean()).isTrue();
    assertThat(api.get("/v1/me", owner.token()).json().get("private").asBoolean()).isFalse();
    // A public account takes follows directly again.
    assertThat(api.followState(api.signUp(), owner)).isEqualTo("following");
  }

  @Test
  void removeFollowerDropsTheirFollowAndCounts() {
    Account me = api.signUp();
    Account follower = api.signUp();
    api.follow(follower, me);
    api.follow(me, follower);
    assertThat(api.counts(me)).containsExactly(1, 1, 1);

    assertThat(api.delete("/v1/me/followers/" + follower.id(), me.token()).status()).isEqualTo(204);
    assertThat(api.delete("/v1/me/followers/" + follower.id(), me.token()).status()).as("idempotent")
        .isEqualTo(204);

    assertThat(api.counts(me)).containsExactly(0, 1, 0);
    assertThat(api.counts(follower)).containsExactly(1, 0, 0);
    assertThat(api.relationship(me, follower).get("followed_by").asBoolean()).isFalse();
    Reply self = api.delete("/v1/me/followers/" + me.id(), me.token());
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.field()).isEqualTo("id");
  }
}
