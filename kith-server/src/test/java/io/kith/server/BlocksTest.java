package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Blocks sever every tie at once and hide the two users from each other. */
class BlocksTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void blockSeversFollowsAndRequestsBothWaysWithCounts() {
    Account alice = api.signUp();
    Account bob = api.signUp();
    Account carol = api.signUp();
    api.setPrivate(bob, true);
    api.follow(bob, alice);                                       // bob -> alice: a follow
    assertThat(api.followState(alice, bob)).isEqualTo("requested"); // alice -> bob: a request
    api.follow(carol, alice);
    api.follow(alice, carol);
    assertThat(api.counts(alice)).containsExactly(2, 1, 1);

    Reply block = api.put("/v1/me/blocks/" + bob.id(), alice.token());
    assertThat(block.status()).isEqualTo(200);
    assertThat(api.put("/v1/me/blocks/" + bob.id(), alice.token()).status()).as("idempotent").isEqualTo(200);

    assertThat(api.counts(alice)).containsExactly(1, 1, 1);
    assertThat(api.counts(bob)).containsExactly(0, 0, 0);
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests", bob.token()))).isEmpty();
    assertThat(TestApi.ids(api.get("/v1/me/follow-requests/outgoing", alice.token()))).isEmpty();
    Reply blocks = api.get("/v1/me/blocks", alice.token());
    assertThat(TestApi.ids(blocks)).containsExactly(bob.id());
    assertThat(blocks.json().at("/items/0/blocked_at").asText()).endsWith("Z");
    assertThat(blocks.json().at("/items/0/viewer/blocking").asBoolean()).isTrue();

    // The blocker still sees the blocked user's card, with the block in its viewer state.
    JsonNode card = api.get("/v1/users/" + bob.id(), alice.token()).json();
    assertThat(card.at("/viewer/blocking").asBoolean()).isTrue();
    assertThat(card.at("/viewer/following").asBoolean()).isFalse();
  }

  @Test
  void followingAcrossABlockIsRefused() {
    Account blocker = api.signUp();
    Account blocked = api.signUp();
    api.block(blocker, blocked);

    Reply blockerFollows = api.put("/v1/me/following/" + blocked.id(), blocker.token());
    assertThat(blockerFollows.status()).isEqualTo(403);
    assertThat(blockerFollows.code()).isEqualTo("blocked");

    // To the blocked user the blocker does not exist.
    Reply blockedFollows = api.put("/v1/me/following/" + blocker.id(), blocked.token());
    Reply followsNobody = api.put("/v1/me/following/" + missingId(), blocked.token());
    assertThat(blockedFollows.status()).isEqualTo(404);
    assertThat(masked(blockedFollows, blocker.id())).isEqualTo(masked(followsNobody, missingId()));
    assertThat(api.put("/v1/me/blocks/" + blocker.id(), blocked.token()).status()).isEqualTo(404);
    assertThat(api.put("/v1/me/mutes/" + blocker.id(), blocked.token()).status()).isEqualTo(404);
    assertThat(api.counts(blocker)).containsExactly(0, 0, 0);
    assertThat(api.counts(blocked)).containsExactly(0, 0, 0);

    assertThat(api.delete("/v1/me/blocks/" + blocked.id(), blocker.token()).status()).isEqualTo(204);
    assertThat(api.delete("/v1/me/blocks/" + blocked.id(), blocker.token()).status()).isEqualTo(204);
    assertThat(api.followState(blocked, blocker)).isEqualTo("following");
    assertThat(api.followState(blocker, blocked)).isEqualTo("following");
    assertThat(api.counts(blocker)).containsExactly(1, 1, 1);
  }

  @Test
  void theBlockedUserCannotTellTheBlockerFromAMissingAccount() {
    Account blocker = api.signUp();
    Account blocked = api.signUp();
    Account bystander = api.signUp();
    api.block(blocker, blocked);
    String token = blocked.token();

    Reply byId = api.get("/v1/users/" + blocker.id(), token);
    assertThat(byId.status()).isEqualTo(404);
    assertThat(masked(byId, blocker.id())).isEqualTo(masked(api.get("/v1/users/" + missingId(), token), missingId()));
    Reply byHandle = api.get("/v1/users/by-handle/" + blocker.handle(), token);
    assertThat(masked(byHandle, blocker.handle()))
        .isEqualTo(masked(api.get("/v1/users/by-handle/nobody_here", token), "nobody_here"));
    for (String list : List.of("followers", "following", "friends")) {
      Reply reply = api.get("/v1/users/" + blocker.id() + "/" + list, token);
      assertThat(masked(reply, blocker.id()))
          .isEqualTo(masked(api.get("/v1/users/" + missingId() + "/" + list, token), missingId()));
    }

    // Left out of batch fetches and relationship answers, like an id that does not exist.
    Reply batch = api.get("/v1/users?ids=" + blocker.id() + "," + bystander.id(), token);
    assertThat(TestApi.ids(batch)).containsExactly(bystander.id());
    assertThat(TestApi.ids(api.get("/v1/relationships?ids=" + blocker.id() + "," + missingId(), token))).isEmpty();

    // Anonymous readers and others still see the blocker.
    assertThat(api.get("/v1/users/" + blocker.id()).status()).isEqualTo(200);
    assertThat(api.get("/v1/users/" + blocker.id(), bystander.token()).status()).isEqualTo(200);
  }

  @Test
  void theBlockerSeesTheBlockedAccountWithBlockingInEveryAnswerById() {
    Account blocker = api.signUp();
    Account blocked = api.signUp();
    Account bystander = api.signUp();
    api.block(blocker, blocked);

    // A list of accounts can render "Unblock": the batch answers carry the block like the single card does.
    Reply cards = api.get("/v1/users?ids=" + blocked.id() + "," + bystander.id(), blocker.token());
    assertThat(TestApi.ids(cards)).containsExactly(blocked.id(), bystander.id());
    assertThat(cards.json().at("/items/0/viewer/blocking").asBoolean()).isTrue();
    assertThat(cards.json().at("/items/0/viewer/blocked_by").asBoolean()).isFalse();
    assertThat(cards.json().at("/items/1/viewer/blocking").asBoolean()).isFalse();
    assertThat(api.get("/v1/users/" + blocked.id(), blocker.token()).json().at("/viewer/blocking").asBoolean())
        .isTrue();
    Reply relationships = api.get("/v1/relationships?ids=" + blocked.id() + "," + bystander.id(), blocker.token());
    assertThat(TestApi.ids(relationships)).containsExactly(blocked.id(), bystander.id());
    assertThat(relationships.json().at("/items/0/blocking").asBoolean()).isTrue();
    assertThat(relationships.json().at("/items/0/following").asBoolean()).isFalse();
    assertThat(relationships.json().at("/items/1/blocking").asBoolean()).isFalse();

    // The blocked side still cannot tell the blocker from a missing account.
    assertThat(TestApi.ids(api.get("/v1/users?ids=" + blocker.id() + "," + bystander.id(), blocked.token())))
        .containsExactly(bystander.id());
    assertThat(TestApi.ids(api.get("/v1/relationships?ids=" + blocker.id(), blocked.token()))).isEmpty();

    // After unblocking, the card says so.
    api.delete("/v1/me/blocks/" + blocked.id(), blocker.token());
    Reply after = api.get("/v1/relationships?ids=" + blocked.id(), blocker.token());
    assertThat(after.json().at("/items/0/blocking").asBoolean()).isFalse();
    assertThat(TestApi.ids(api.get("/v1/users?ids=" + blocker.id(), blocked.token()))).containsExactly(blocker.id());
  }

  @Test
  void blockedUsersAreLeftOutOfListsWhilePagesStayFull() {
    Account owner = api.signUp();
    Account viewer = api.signUp();
    List<String> visible = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Account follower = api.signUp();
      api.follow(follower, owner);
      all.add(0, follower.id());
      switch (i % 4) {
        case 0 -> api.block(viewer, follower);   // the viewer blocks them
        case 1 -> api.block(follower, viewer);   // they block the viewer
        default -> visible.add(0, follower.id());
      }
    }

    assertThat(api.readAll("/v1/users/" + owner.id() + "/followers", viewer.token(), 3))
        .containsExactlyElementsOf(visible);
    assertThat(api.readAll("/v1/users/" + owner.id() + "/followers", viewer.token(), 1))
        .containsExactlyElementsOf(visible);
    assertThat(api.readAll("/v1/users/" + owner.id() + "/followers", null, 5)).containsExactlyElementsOf(all);
    assertThat(api.readAll("/v1/users/" + owner.id() + "/followers", owner.token(), 7))
        .containsExactlyElementsOf(all);
    assertThat(api.counts(owner)[0]).as("counts are not filtered").isEqualTo(16);
  }

  @Test
  void blockingYourselfOrNobodyIsRefused() {
    Account me = api.signUp();
    Reply self = api.put("/v1/me/blocks/" + me.id(), me.token());
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.field()).isEqualTo("id");
    assertThat(api.put("/v1/me/blocks/" + missingId(), me.token()).status()).isEqualTo(404);
    assertThat(api.put("/v1/me/blocks/abc", me.token()).status()).isEqualTo(400);
  }

  private static String missingId() {
    return "4242424242";
  }

  /** Status, code and detail with the looked-up name masked: what a client could compare. */
  static String masked(Reply reply, String lookedUp) {
    JsonNode json = reply.json();
    return reply.status() + " " + reply.contentType() + " " + (json == null ? reply.body()
        : json.path("code").asText() + " " + json.path("field").asText() + " "
        + json.path("detail").asText().replace(lookedUp, "<id>"));
  }
}
