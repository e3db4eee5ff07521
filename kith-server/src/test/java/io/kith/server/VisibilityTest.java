package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who sees an account's followers, following and friends lists; cards and counts stay visible to all. */
class VisibilityTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private static final List<String> LISTS = List.of("followers", "following", "friends");

  private final TestApi api = server.api();

  @ParameterizedTest(name = "private={0}, lists_visibility={1}: anonymous={2} follower={3} friend={4} other={5}")
  @CsvSource({
      "true,  everyone,  false, true,  true,  false",
      "true,  friends,   false, false, true,  false",
      "true,  only_me,   false, false, false, false",
      "false, everyone,  true,  true,  true,  true",
      "false, followers, false, true,  true,  false",
      "false, friends,   false, false, true,  false",
      "false, only_me,   false, false, false, false",
  })
  void listsAreShownAsTheOwnerChose(boolean isPrivate, String listsVisibility, boolean anonymousSees,
                                    boolean followerSees, boolean friendSees, boolean otherSees) {
    Account owner = api.signUp();
    Account follower = api.signUp();
    Account friend = api.signUp();
    Account other = api.signUp();
    api.follow(follower, owner);
    api.follow(friend, owner);
    api.follow(owner, friend);
    Reply patch = api.patch("/v1/me", owner.token(),
        json(fields("private", isPrivate, "lists_visibility", listsVisibility)));
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    assertThat(patch.json().get("lists_visibility").asText()).isEqualTo(listsVisibility);

    Map<String, Boolean> expected = Map.of("anonymous", anonymousSees, "follower", followerSees,
        "friend", friendSees, "other", otherSees, "owner", true);
    Map<String, String> tokens = new java.util.HashMap<>(Map.of("follower", follower.token(),
        "friend", friend.token(), "other", other.token(), "owner", owner.token()));
    tokens.put("anonymous", null);
    for (Map.Entry<String, Boolean> viewer : expected.entrySet()) {
      String token = tokens.get(viewer.getKey());
      for (String list : LISTS) {
        Reply reply = api.get("/v1/users/" + owner.id() + "/" + list, token);
        if (viewer.getValue()) {
          assertThat(reply.status()).as("%s sees %s: %s", viewer.getKey(), list, reply).isEqualTo(200);
        } else {
          assertThat(reply.status()).as("%s sees %s: %s", viewer.getKey(), list, reply).isEqualTo(403);
          assertThat(reply.code()).isEqualTo("forbidden");
          assertThat(reply.json().get("detail").asText()).contains(isPrivate ? "private" : "lists");
        }
      }
      // Cards and counts stay visible to everyone.
      Reply card = api.get("/v1/users/" + owner.id(), token);
      assertThat(card.status()).isEqualTo(200);
      assertThat(card.json().at("/counts/followers").asLong()).isEqualTo(2);
      assertThat(card.json().at("/counts/friends").asLong()).isEqualTo(1);
    }
  }

  @Test
  void privateListsShowToApprovedFollowersOnly() {
    Account owner = api.signUp();
    Account requester = api.signUp();
    api.setPrivate(owner, true);
    api.followState(requester, owner);

    assertThat(api.get("/v1/users/" + owner.id() + "/followers", requester.token()).status())
        .as("a pending request is not approval").isEqualTo(403);
    api.post("/v1/me/follow-requests/" + requester.id() + "/accept", owner.token(), null);
    Reply followers = api.get("/v1/users/" + owner.id() + "/followers", requester.token());
    assertThat(followers.status()).isEqualTo(200);
    assertThat(TestApi.ids(followers)).containsExactly(requester.id());
  }

  @Test
  void listsVisibilityIsValidatedAndShownOnTheOwnCard() {
    Account owner = api.signUp();
    assertThat(api.get("/v1/me", owner.token()).json().get("lists_visibility").asText()).isEqualTo("everyone");
    Reply bad = api.patch("/v1/me", owner.token(), json(fields("lists_visibility", "nobody")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.field()).isEqualTo("lists_visibility");
    Reply wrongType = api.patch("/v1/me", owner.token(), json(fields("lists_visibility", true)));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(api.patch("/v1/me", owner.token(), json(fields("lists_visibility", "friends"))).status())
        .isEqualTo(200);
    assertThat(api.get("/v1/me", owner.token()).json().get("lists_visibility").asText()).isEqualTo("friends");
  }
}
