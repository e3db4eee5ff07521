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
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Followed by alice, bob and 2 others you follow": the known-followers list and its summary on cards. */
class KnownFollowersTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  /** A target with five followers, four of whom the viewer follows (not the fourth). */
  private record Graph(Account target, Account viewer, List<Account> followers) {
    Account follower(int n) {
      return followers.get(n - 1);
    }
  }

  private Graph graph() {
    Account target = api.signUp();
    Account viewer = api.signUp();
    List<Account> followers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Account follower = api.signUp();
      api.follow(follower, target);
      followers.add(follower);
    }
    for (int n : new int[] {1, 2, 3, 5}) {
      api.follow(viewer, followers.get(n - 1));
    }
    return new Graph(target, viewer, followers);
  }

  private String path(Graph g) {
    return "/v1/users/" + g.target().id() + "/known-followers";
  }

  @Test
  void listsTheTargetsFollowersTheViewerFollowsNewestFirstAcrossPages() {
    Graph g = graph();
    List<String> expected = List.of(g.follower(5).id(), g.follower(3).id(), g.follower(2).id(), g.follower(1).id());
    for (int limit : new int[] {1, 3, 4, 50}) {
      assertThat(api.readAll(path(g), g.viewer().token(), limit)).as("limit %d", limit).isEqualTo(expected);
    }
    Reply page = api.get(path(g) + "?limit=2", g.viewer().token());
    assertThat(page.json().at("/items/0/followed_at").asText()).endsWith("Z");
    assertThat(page.json().at("/items/0/handle").asText()).isEqualTo(g.follower(5).handle());
    assertThat(page.json().at("/items/0/viewer/following").asBoolean()).isTrue();
    assertThat(page.json().get("next_cursor").isTextual()).isTrue();
  }

  @Test
  void mutedAndBlockedFollowersAreLeftOutWhilePagesStayFull() {
    Graph g = graph();
    api.put("/v1/me/mutes/" + g.follower(3).id(), g.viewer().token());
    api.block(g.follower(2), g.viewer()); // also ends the viewer's follow of follower 2
    Account blockedByViewer = api.signUp();
    api.follow(blockedByViewer, g.target());
    api.follow(g.viewer(), blockedByViewer);
    api.block(g.viewer(), blockedByViewer);

    assertThat(api.readAll(path(g), g.viewer().token(), 1)).containsExactly(g.follower(5).id(), g.follower(1).id());
  }

  @Test
  void needsATokenAndListsTheViewerMaySee() {
    Graph g = graph();
    Reply anonymous = api.get(path(g));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo("unauthenticated");

    api.patch("/v1/me", g.target().token(), json(fields("lists_visibility", "only_me")));
    Reply hidden = api.get(path(g), g.viewer().token());
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(403);
    assertThat(hidden.code()).isEqualTo("forbidden");
    assertThat(api.get(path(g), g.target().token()).status()).as("the owner sees its own").isEqualTo(200);

    api.patch("/v1/me", g.target().token(), json(fields("lists_visibility", "everyone", "private", true)));
    assertThat(api.get(path(g), g.viewer().token()).status()).as("private, viewer not a follower").isEqualTo(403);
    assertThat(api.get(path(g), g.follower(1).token()).status()).as("approved follower").isEqualTo(200);

    api.block(g.target(), g.viewer());
    Reply blocked = api.get(path(g), g.viewer().token());
    assertThat(blocked.status()).isEqualTo(404);
    assertThat(blocked.json().get("detail").asText())
        .isEqualTo(api.get("/v1/users/4242424242/known-followers", g.viewer().token()).json().get("detail").asText()
            .replace("4242424242", g.target().id()));
  }

  @Test
  void badInputIsRefusedNamingTheParameter() {
    Graph g = graph();
    String token = g.viewer().token();
    for (String limit : new String[] {"0", "101", "abc", ""}) {
      Reply reply = api.get(path(g) + "?limit=" + limit, token);
      assertThat(reply.status()).as("limit=%s", limit).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("limit");
    }
    Reply badId = api.get("/v1/users/abc/known-followers", token);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.field()).isEqualTo("id");
    assertThat(api.get("/v1/users/4242424242/known-followers", token).status()).isEqualTo(404);

    String followersCursor = api.get("/v1/users/" + g.target().id() + "/followers?limit=1", token)
        .json().get("next_cursor").asText();
    Account otherViewer = api.signUp();
    api.follow(otherViewer, g.follower(1));
    api.follow(otherViewer, g.follower(2));
    String otherViewersCursor = api.get(path(g) + "?limit=1", otherViewer.token()).json().get("next_cursor").asText();
    for (String cursor : new String[] {"garbage!", "AAAA", followersCursor, otherViewersCursor}) {
      Reply reply = api.get(path(g) + "?cursor=" + cursor, token);
      assertThat(reply.status()).as("cursor %s", cursor).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("cursor");
    }
    String ownCursor = api.get(path(g) + "?limit=1", token).json().get("next_cursor").asText();
    Reply onFollowers = api.get("/v1/users/" + g.target().id() + "/followers?cursor=" + ownCursor, token);
    assertThat(onFollowers.status()).as("a known-followers cursor on the followers list").isEqualTo(400);
    assertThat(onFollowers.field()).isEqualTo("cursor");
  }

  @Test
  void cardsCarryTheSummaryWhenAskedEverywhereACardIsRead() {
    Graph g = graph();
    String token = g.viewer().token();
    String include = "?include=known_followers";
    JsonNode byId = api.get("/v1/users/" + g.target().id() + include, token).json();
    JsonNode byHandle = api.get("/v1/users/by-handle/" + g.target().handle() + include, token).json();
    Reply batch = api.get("/v1/users?ids=" + g.target().id() + "," + g.follower(4).id()
        + "&include=known_followers", token);
    assertThat(batch.status()).isEqualTo(200);
    for (JsonNode card : List.of(byId, byHandle, batch.json().at("/items/0"))) {
      JsonNode known = card.at("/viewer/known_followers");
      assertThat(known.get("count").asLong()).as(card.toString()).isEqualTo(4);
      List<String> sample = new ArrayList<>();
      known.get("sample").forEach(c -> sample.add(c.get("id").asText()));
      assertThat(sample).containsExactly(g.follower(5).id(), g.follower(3).id(), g.follower(2).id());
      assertThat(known.at("/sample/0/handle").asText()).isEqualTo(g.follower(5).handle());
    }
    JsonNode nobodyKnown = batch.json().at("/items/1/viewer/known_followers");
    assertThat(nobodyKnown.get("count").asLong()).isZero();
    assertThat(nobodyKnown.get("sample")).isEmpty();

    assertThat(api.get("/v1/users/" + g.target().id(), token).json().at("/viewer/known_followers").isMissingNode())
        .as("only when asked").isTrue();
    assertThat(api.get("/v1/users/" + g.target().id() + include).json().has("viewer"))
        .as("anonymous: no viewer at all").isFalse();
    assertThat(api.get("/v1/users/" + g.viewer().id() + include, token).json().at("/viewer/known_followers")
        .isMissingNode()).as("not on the viewer's own card").isTrue();

    api.setPrivate(g.target(), true);
    JsonNode privateCard = api.get("/v1/users/" + g.target().id() + include, token).json();
    assertThat(privateCard.at("/viewer/following").asBoolean()).isFalse();
    assertThat(privateCard.at("/viewer/known_followers").isMissingNode()).as("lists hidden: no summary").isTrue();
  }

  @Test
  void includeIsValidated() {
    Account viewer = api.signUp();
    for (String include : new String[] {"bogus", "", "known_followers,bogus"}) {
      Reply reply = api.get("/v1/users/" + viewer.id() + "?include=" + include, viewer.token());
      assertThat(reply.status()).as("include=%s", include).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("include");
    }
    // 25 distinct ids (unknown ones count: the bound is checked before anything is read).
    String ids25 = viewer.id() + IntStream.rangeClosed(1, 24).mapToObj(i -> "," + i).collect(Collectors.joining());
    assertThat(api.get("/v1/users?include=known_followers&ids=" + ids25, viewer.token()).status()).isEqualTo(200);
    Reply tooMany = api.get("/v1/users?include=known_followers&ids=" + ids25 + ",25", viewer.token());
    assertThat(tooMany.status()).as("summaries are bounded per request").isEqualTo(400);
    assertThat(tooMany.field()).isEqualTo("ids");
    assertThat(api.get("/v1/users?ids=" + ids25 + ",25", viewer.token()).status())
        .as("without summaries the usual 100").isEqualTo(200);
    String repeated = String.join(",", Collections.nCopies(26, viewer.id()));
    assertThat(api.get("/v1/users?include=known_followers&ids=" + repeated, viewer.token()).status())
        .as("a repeated id is one card").isEqualTo(200);
  }
}
