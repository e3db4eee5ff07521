package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts two users both follow, and followers not followed back, as the viewer may see them. */
class MutualFollowingAndFollowBackTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  /** {@code a} follows x1..x4 in order, {@code b} follows x2, x3, x4 and y. */
  private record Pair(Account a, Account b, List<Account> x, Account y) {
    String path() {
      return "/v1/users/" + a.id() + "/mutual-following?with=" + b.id();
    }
  }

  private Pair pair() {
    Account a = api.signUp();
    Account b = api.signUp();
    List<Account> x = List.of(api.signUp(), api.signUp(), api.signUp(), api.signUp());
    Account y = api.signUp();
    x.forEach(account -> api.follow(a, account));
    x.subList(1, 4).forEach(account -> api.follow(b, account));
    api.follow(b, y);
    return new Pair(a, b, x, y);
  }

  @Test
  void mutualFollowingIsInTheFirstUsersFollowingOrderAcrossPages() {
    Pair p = pair();
    Account viewer = api.signUp();
    List<String> expected = List.of(p.x().get(3).id(), p.x().get(2).id(), p.x().get(1).id());
    for (int limit : new int[] {1, 2, 3, 100}) {
      assertThat(api.readAll(p.path(), null, limit)).as("anonymous, limit %d", limit).isEqualTo(expected);
      assertThat(api.readAll(p.path(), viewer.token(), limit)).as("viewer, limit %d", limit).isEqualTo(expected);
    }
    Reply page = api.get(p.path(), viewer.token());
    assertThat(page.json().at("/items/0/followed_at").asText()).endsWith("Z");
    assertThat(page.json().at("/items/0/viewer/following").asBoolean()).isFalse();
    List<String> reversed = api.readAll("/v1/users/" + p.b().id() + "/mutual-following?with=" + p.a().id(), null, 1);
    assertThat(reversed).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void mutedAndBlockedAccountsAreLeftOutForTheViewer() {
    Pair p = pair();
    Account viewer = api.signUp();
    api.put("/v1/me/mutes/" + p.x().get(2).id(), viewer.token());
    api.block(p.x().get(3), viewer);
    assertThat(api.readAll(p.path(), viewer.token(), 1)).containsExactly(p.x().get(1).id());
    assertThat(api.readAll(p.path(), null, 1)).hasSize(3);
  }

  @Test
  void bothUsersListsMustBeVisibleToTheViewer() {
    Pair p = pair();
    Account viewer = api.signUp();
    api.patch("/v1/me", p.b().token(), json(fields("lists_visibility", "followers")));
    for (String token : new String[] {null, viewer.token()}) {
      Reply reply = api.get(p.path(), token);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("forbidden");
    }
    api.follow(viewer, p.b());
    assertThat(api.get(p.path(), viewer.token()).status()).isEqualTo(200);

    api.setPrivate(p.a(), true);
    assertThat(api.get(p.path(), viewer.token()).status()).as("a is private").isEqualTo(403);
    assertThat(api.get(p.path(), p.a().token()).status()).as("a sees its own lists, but not b's").isEqualTo(403);
    assertThat(api.get(p.path(), p.b().token()).status()).as("b sees its own lists, not private a's")
        .isEqualTo(403);
    api.follow(p.b(), p.a()); // a request, as a is private
    api.post("/v1/me/follow-requests/" + p.b().id() + "/accept", p.a().token(), null);
    assertThat(api.get(p.path(), p.b().token()).status()).as("b now follows a").isEqualTo(200);
  }

  @Test
  void aUserThatBlocksTheViewerIsMissing() {
    Pair p = pair();
    Account viewer = api.signUp();
    api.block(p.a(), viewer);
    Reply byPath = api.get(p.path(), viewer.token());
    assertThat(byPath.status()).isEqualTo(404);

    Pair q = pair();
    api.block(q.b(), viewer);
    Reply byWith = api.get(q.path(), viewer.token());
    Reply unknown = api.get("/v1/users/" + q.a().id() + "/mutual-following?with=4242424242", viewer.token());
    assertThat(byWith.status()).isEqualTo(400);
    assertThat(byWith.field()).isEqualTo("with");
    assertThat(byWith.json().get("detail").asText())
        .as("a blocking 'with' reads exactly as an unknown one")
        .isEqualTo(unknown.json().get("detail").asText().replace("4242424242", q.b().id()));
  }

  @Test
  void badInputIsRefusedNamingTheParameter() {
    Pair p = pair();
    String base = "/v1/users/" + p.a().id() + "/mutual-following";
    for (String query : new String[] {"", "?with=", "?with=abc", "?with=4242424242", "?with=" + p.a().id()}) {
      Reply reply = api.get(base + query, p.a().token());
      assertThat(reply.status()).as("%s: %s", query, reply).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("with");
    }
    for (String limit : new String[] {"0", "101", "x"}) {
      Reply reply = api.get(p.path() + "&limit=" + limit, null);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("limit");
    }
    Reply badId = api.get("/v1/users/abc/mutual-following?with=" + p.b().id(), null);
    assertThat(badId.field()).isEqualTo("id");
    assertThat(api.get("/v1/users/4242424242/mutual-following?with=" + p.b().id(), null).status()).isEqualTo(404);

    String cursor = api.get(p.path() + "&limit=1", null).json().get("next_cursor").asText();
    Account c = api.signUp();
    p.x().forEach(account -> api.follow(c, account));
    Reply otherWith = api.get("/v1/users/" + p.a().id() + "/mutual-following?with=" + c.id() + "&cursor=" + cursor,
        null);
    assertThat(otherWith.status()).as("a cursor is bound to its 'with'").isEqualTo(400);
    assertThat(otherWith.field()).isEqualTo("cursor");
    Reply onFollowing = api.get("/v1/users/" + p.a().id() + "/following?cursor=" + cursor, null);
    assertThat(onFollowing.field()).isEqualTo("cursor");
  }

  @Test
  void followBackListsFollowersNotFollowedBackNewestFirst() {
    Account me = api.signUp();
    List<Account> followers = List.of(api.signUp(), api.signUp(), api.signUp(), api.signUp(), api.signUp());
    followers.forEach(f -> api.follow(f, me));
    api.follow(me, followers.get(1));
    String path = "/v1/me/follow-back";
    List<String> expected = List.of(followers.get(4).id(), followers.get(3).id(), followers.get(2).id(),
        followers.get(0).id());
    for (int limit : new int[] {1, 3, 100}) {
      assertThat(api.readAll(path, me.token(), limit)).as("limit %d", limit).isEqualTo(expected);
    }
    Reply page = api.get(path, me.token());
    assertThat(page.json().at("/items/0/followed_at").asText()).endsWith("Z");
    assertThat(page.json().at("/items/0/viewer/followed_by").asBoolean()).isTrue();

    api.put("/v1/me/mutes/" + followers.get(3).id(), me.token());
    api.block(followers.get(2), me);
    api.block(me, followers.get(4));
    assertThat(api.readAll(path, me.token(), 1)).containsExactly(followers.get(0).id());
  }

  @Test
  void followBackNeedsATokenAndValidatesItsParameters() {
    Account me = api.signUp();
    Account follower = api.signUp();
    api.follow(follower, me);
    api.follow(api.signUp(), me);
    assertThat(api.get("/v1/me/follow-back").status()).isEqualTo(401);
    for (String limit : new String[] {"0", "101", "-1"}) {
      Reply reply = api.get("/v1/me/follow-back?limit=" + limit, me.token());
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("limit");
    }
    String followersCursor = api.get("/v1/users/" + me.id() + "/followers?limit=1", me.token())
        .json().get("next_cursor").asText();
    String othersCursor = api.get("/v1/me/follow-back?limit=1", me.token()).json().get("next_cursor").asText();
    Account other = api.signUp();
    for (String cursor : new String[] {followersCursor, othersCursor, "not-a-cursor!"}) {
      Reply reply = api.get("/v1/me/follow-back?cursor=" + cursor, other.token());
      assertThat(reply.status()).as(cursor).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("cursor");
    }
  }
}
