package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
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

/** "People you may know": ranking, reasons, what is never suggested, dismissals and the discoverable setting. */
class SuggestionsTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  private List<JsonNode> suggestions(Account viewer, int limit) {
    Reply reply = api.get("/v1/me/suggestions?limit=" + limit, viewer.token());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    reply.json().get("items").forEach(items::add);
    return items;
  }

  private List<String> suggestedIds(Account viewer) {
    return suggestions(viewer, 50).stream().map(item -> item.get("id").asText()).toList();
  }

  private static List<String> textsOf(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  @Test
  void friendsOfFriendsComeFirstByHowManyFollowThemThenFollowersWithReasons() {
    Account viewer = api.signUp();
    Account a = api.signUp();
    Account b = api.signUp();
    Account c = api.signUp();
    Account s1 = api.signUp();
    Account s2 = api.signUp();
    Account s3 = api.signUp();
    Account fan = api.signUp();
    for (Account followed : List.of(a, b, c)) {
      api.follow(viewer, followed);
    }
    for (Account s : List.of(s1, s2, s3)) {
      api.follow(a, s);
    }
    api.follow(b, s1);
    api.follow(b, s2);
    api.follow(c, s1);
    api.follow(fan, viewer);

    List<JsonNode> items = suggestions(viewer, 50);
    assertThat(items.stream().limit(4).map(i -> i.get("id").asText()))
        .containsExactly(s1.id(), s2.id(), s3.id(), fan.id());
    JsonNode first = items.get(0);
    assertThat(first.get("handle").asText()).isEqualTo(s1.handle());
    assertThat(first.at("/reason/type").asText()).isEqualTo("followed_by");
    assertThat(first.at("/reason/count").asLong()).isEqualTo(3);
    assertThat(textsOf(first.at("/reason/sample"))).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(items.get(1).at("/reason/count").asLong()).isEqualTo(2);
    assertThat(textsOf(items.get(1).at("/reason/sample"))).containsExactlyInAnyOrder(a.id(), b.id());
    JsonNode follower = items.get(3);
    assertThat(follower.get("reason").toString()).isEqualTo("{\"type\":\"follows_you\"}");
    assertThat(follower.at("/viewer/followed_by").asBoolean()).isTrue();

    assertThat(suggestions(viewer, 1)).extracting(i -> i.get("id").asText()).containsExactly(s1.id());
  }

  @Test
  void neverSuggestsTheViewerFollowedRequestedBlockedBlockingMutedHiddenOrDismissedAccounts() {
    Account viewer = api.signUp();
    Account hub = api.signUp();
    api.follow(viewer, hub);
    Account followed = api.signUp();
    Account blocked = api.signUp();
    Account blocking = api.signUp();
    Account muted = api.signUp();
    Account hidden = api.signUp();
    Account dismissed = api.signUp();
    Account requested = api.signUp();
    Account privateOne = api.signUp();
    Account plain = api.signUp();
    api.setPrivate(requested, true);
    api.setPrivate(privateOne, true);
    for (Account account : List.of(viewer, followed, blocked, blocking, muted, hidden, dismissed, requested,
        privateOne, plain)) {
      assertThat(api.followState(hub, account)).isIn("following", "requested");
    }
    api.post("/v1/me/follow-requests/" + hub.id() + "/accept", requested.token(), null);
    api.post("/v1/me/follow-requests/" + hub.id() + "/accept", privateOne.token(), null);
    List<String> before = suggestedIds(viewer);
    assertThat(before).contains(followed.id(), blocked.id(), blocking.id(), muted.id(), hidden.id(), dismissed.id(),
        requested.id(), privateOne.id(), plain.id());

    api.follow(viewer, followed);
    api.block(viewer, blocked);
    api.block(blocking, viewer);
    api.put("/v1/me/mutes/" + muted.id(), viewer.token());
    assertThat(api.patch("/v1/me", hidden.token(), json(fields("discoverable", false))).status()).isEqualTo(200);
    assertThat(api.delete("/v1/me/suggestions/" + dismissed.id(), viewer.token()).status()).isEqualTo(204);
    assertThat(api.followState(viewer, requested)).isEqualTo("requested");

    List<String> after = suggestedIds(viewer);
    assertThat(after).as("private accounts may be suggested: following one sends a request")
        .contains(privateOne.id(), plain.id());
    assertThat(after).doesNotContain(viewer.id(), hub.id(), followed.id(), blocked.id(), blocking.id(), muted.id(),
        hidden.id(), dismissed.id(), requested.id());
  }

  private void showListsTo(Account account, String who) {
    Reply reply = api.patch("/v1/me", account.token(), json(fields("lists_visibility", who)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private JsonNode suggestionOf(Account viewer, Account account) {
    return suggestions(viewer, 50).stream().filter(item -> item.get("id").asText().equals(account.id()))
        .findFirst().orElse(null);
  }

  @Test
  void followedByNamesAndCountsOnlyFollowsTheViewerCouldSeeInSomeList() {
    Account viewer = api.signUp();
    Account hidesLists = api.signUp();
    Account showsLists = api.signUp();
    Account hidden = api.signUp();
    Account privateOne = api.signUp();
    Account open = api.signUp();
    api.follow(viewer, hidesLists);
    api.follow(viewer, showsLists);
    api.follow(hidesLists, hidden);
    api.follow(hidesLists, privateOne);
    api.follow(hidesLists, open);
    api.follow(showsLists, privateOne);
    showListsTo(hidesLists, "only_me");
    showListsTo(hidden, "only_me");
    api.setPrivate(privateOne, true);

    // No list shows the viewer hidesLists -> hidden, nor hidesLists -> privateOne ...
    for (String path : List.of("/v1/users/" + hidesLists.id() + "/following",
        "/v1/users/" + hidden.id() + "/followers", "/v1/users/" + hidden.id() + "/known-followers",
        "/v1/users/" + privateOne.id() + "/followers", "/v1/users/" + privateOne.id() + "/known-followers")) {
      assertThat(api.get(path, viewer.token()).status()).as(path).isEqualTo(403);
    }
    // ... while open's followers list shows hidesLists -> open, and showsLists' following shows -> privateOne.
    assertThat(TestApi.ids(api.get("/v1/users/" + open.id() + "/followers", viewer.token())))
        .containsExactly(hidesLists.id());
    assertThat(TestApi.ids(api.get("/v1/users/" + showsLists.id() + "/following", viewer.token())))
        .containsExactly(privateOne.id());

    JsonNode hiddenItem = suggestionOf(viewer, hidden);
    if (hiddenItem != null) { // it may still come as a popular account, which names no follow
      assertThat(hiddenItem.at("/reason/type").asText()).isEqualTo("popular");
    }
    JsonNode privateItem = suggestionOf(viewer, privateOne);
    assertThat(privateItem.at("/reason/type").asText()).isEqualTo("followed_by");
    assertThat(privateItem.at("/reason/count").asLong()).as("hidesLists -> privateOne is not counted").isEqualTo(1);
    assertThat(textsOf(privateItem.at("/reason/sample"))).containsExactly(showsLists.id());
    JsonNode openItem = suggestionOf(viewer, open);
    assertThat(openItem.at("/reason/type").asText()).isEqualTo("followed_by");
    assertThat(openItem.at("/reason/count").asLong()).isEqualTo(1);
    assertThat(textsOf(openItem.at("/reason/sample"))).containsExactly(hidesLists.id());
  }

  @Test
  void popularAccountsAreTheColdStartFallbackWithoutHiddenOrPrivateOnes() {
    Account popular = api.signUp();
    Account lessPopular = api.signUp();
    Account hidden = api.signUp();
    Account privateOne = api.signUp();
    for (int i = 0; i < 4; i++) {
      Account fan = api.signUp();
      api.follow(fan, hidden);
      api.follow(fan, privateOne);
      api.follow(fan, popular);
      if (i < 2) {
        api.follow(fan, lessPopular);
      }
    }
    api.patch("/v1/me", hidden.token(), json(fields("discoverable", false)));
    api.setPrivate(privateOne, true);
    server.server().refreshPopularAccounts();

    Account newcomer = api.signUp();
    List<JsonNode> items = suggestions(newcomer, 50);
    List<String> ids = items.stream().map(i -> i.get("id").asText()).toList();
    assertThat(ids).contains(popular.id(), lessPopular.id()).doesNotContain(hidden.id(), privateOne.id());
    assertThat(ids.indexOf(popular.id())).isLessThan(ids.indexOf(lessPopular.id()));
    assertThat(items).allSatisfy(item -> assertThat(item.get("reason").toString()).isEqualTo("{\"type\":\"popular\"}"));

    api.follow(newcomer, popular);
    assertThat(suggestedIds(newcomer)).doesNotContain(popular.id(), newcomer.id());
  }

  @Test
  void limitDefaultsToTwentyAndIsBounded() {
    Account viewer = api.signUp();
    Account hub = api.signUp();
    api.follow(viewer, hub);
    for (int i = 0; i < 25; i++) {
      api.follow(hub, api.signUp());
    }
    Reply page = api.get("/v1/me/suggestions", viewer.token());
    assertThat(page.json().get("items")).hasSize(20);
    assertThat(page.json().has("next_cursor")).as("one ranked page, not a list to walk").isFalse();
    for (String limit : new String[] {"0", "51", "abc", "-3"}) {
      Reply reply = api.get("/v1/me/suggestions?limit=" + limit, viewer.token());
      assertThat(reply.status()).as("limit=%s", limit).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("limit");
    }
    assertThat(suggestions(viewer, 50)).hasSizeGreaterThanOrEqualTo(25);
    assertThat(api.get("/v1/me/suggestions").status()).isEqualTo(401);
  }

  @Test
  void dismissingIsIdempotentValidatedAndLastsAcrossARestart() {
    Account viewer = api.signUp();
    Account hub = api.signUp();
    Account dismissed = api.signUp();
    Account blocker = api.signUp();
    api.follow(viewer, hub);
    api.follow(hub, dismissed);
    String path = "/v1/me/suggestions/" + dismissed.id();
    assertThat(api.delete(path, null).status()).isEqualTo(401);
    assertThat(api.delete(path, viewer.token()).status()).isEqualTo(204);
    assertThat(api.delete(path, viewer.token()).status()).as("idempotent").isEqualTo(204);
    assertThat(suggestedIds(viewer)).doesNotContain(dismissed.id());
    Account another = api.signUp();
    api.follow(another, hub);
    assertThat(suggestedIds(another)).as("only for the one who dismissed").contains(dismissed.id());

    Reply self = api.delete("/v1/me/suggestions/" + viewer.id(), viewer.token());
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.field()).isEqualTo("id");
    Reply badId = api.delete("/v1/me/suggestions/abc", viewer.token());
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.field()).isEqualTo("id");
    assertThat(api.delete("/v1/me/suggestions/4242424242", viewer.token()).status()).isEqualTo(404);
    api.block(blocker, viewer);
    assertThat(api.delete("/v1/me/suggestions/" + blocker.id(), viewer.token()).status())
        .as("a blocking user reads as missing").isEqualTo(404);

    server.restart();
    TestApi restarted = server.api();
    Reply afterRestart = restarted.get("/v1/me/suggestions?limit=50", viewer.token());
    assertThat(afterRestart.status()).isEqualTo(200);
    assertThat(TestApi.ids(afterRestart)).doesNotContain(dismissed.id());
    restarted.delete("/v1/me/following/" + hub.id(), viewer.token());
    restarted.follow(viewer, hub);
    assertThat(TestApi.ids(restarted.get("/v1/me/suggestions?limit=50", viewer.token())))
        .as("dismissed for good, not until the graph changes").doesNotContain(dismissed.id());
  }

  @Test
  void discoverableIsASettingShownOnlyToItsOwner() {
    Account me = api.signUp();
    assertThat(api.get("/v1/me", me.token()).json().get("discoverable").asBoolean()).isTrue();
    for (Object bad : new Object[] {"yes", 1}) {
      Reply reply = api.patch("/v1/me", me.token(), json(fields("discoverable", bad)));
      assertThat(reply.status()).as("discoverable=%s", bad).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("discoverable");
    }
    Reply nullValue = api.patch("/v1/me", me.token(), "{\"discoverable\": null}");
    assertThat(nullValue.status()).isEqualTo(400);
    assertThat(nullValue.field()).isEqualTo("discoverable");
    Reply off = api.patch("/v1/me", me.token(), json(fields("discoverable", false)));
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().get("discoverable").asBoolean()).isFalse();
    assertThat(api.get("/v1/me", me.token()).json().get("discoverable").asBoolean()).isFalse();
    assertThat(api.get("/v1/users/" + me.id()).json().has("discoverable")).isFalse();
  }
}
