package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The id streams for internal services: only a service token holding the list's scope reads them, and a service
 * token acts for no user anywhere else.
 */
class ServiceTokensTest {
  private static final String FANOUT = "Yk3vQ0cU8pJ1x2m0b5xq4w7Rz8oX0e9VtQ+fV3h2s5A=";
  private static final String FANIN = "pN4oL2y6Jm0wq7c3dE5rT8uA1sZ9xK6hG2bV4nM7jQ0=";
  private static final String REVOKED = "hR5sK8dL2wQ9zX3cV6bN1mA4pO7iU0yT5rE8wQ2aS6d=";
  private static final List<String> specs = new CopyOnWriteArrayList<>(List.of(
      "fanout:followers:read:" + ServiceTokens.sha256Hex(FANOUT),
      "fanin:following:read:" + ServiceTokens.sha256Hex(FANIN),
      "retired:followers:read,following:read:" + ServiceTokens.sha256Hex(REVOKED)));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(Clock.systemUTC(), builder -> {
    specs.forEach(builder::serviceToken);
    return builder;
  });

  private final TestApi api = server.api();

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private Account withFollowers(int count) {
    Account owner = api.signUp();
    for (int i = 0; i < count; i++) {
      api.follow(api.signUp(), owner);
    }
    return owner;
  }

  @Test
  void followerIdsArePagedNewestFirstAsStrings() {
    Account owner = withFollowers(7);
    List<String> expected = api.readAll("/v1/users/" + owner.id() + "/followers", null, 100);
    String path = "/v1/users/" + owner.id() + "/followers/ids";
    for (int limit : new int[] {1, 3, 7, 5000}) {
      assertThat(readIds(path, limit)).as("limit %d", limit).isEqualTo(expected);
    }
    Reply all = api.get(path, bearer(FANOUT));
    assertThat(all.json().get("ids")).hasSize(7);
    assertThat(all.json().get("ids").get(0).isTextual()).isTrue();
    assertThat(all.json().get("next_cursor").isNull()).isTrue();
    assertThat(all.json().has("items")).as("ids only, no cards").isFalse();

    api.setPrivate(owner, true);
    api.block(owner, api.signUp());
    assertThat(readIds(path, 2)).as("a private account's followers are delivered to").isEqualTo(expected);
  }

  @Test
  void followingIdsNeedTheirOwnScope() {
    Account me = api.signUp();
    List<Account> followed = List.of(api.signUp(), api.signUp(), api.signUp());
    followed.forEach(f -> api.follow(me, f));
    String path = "/v1/users/" + me.id() + "/following/ids";
    Reply fanin = api.get(path + "?limit=2", bearer(FANIN));
    assertThat(fanin.status()).isEqualTo(200);
    assertThat(fanin.json().get("ids")).hasSize(2);
    Reply next = api.get(path + "?cursor=" + fanin.json().get("next_cursor").asText(), bearer(FANIN));
    assertThat(next.json().get("ids").get(0).asText()).isEqualTo(followed.get(0).id());
    Reply fanout = api.get(path, bearer(FANOUT));
    assertThat(fanout.status()).isEqualTo(403);
    assertThat(fanout.json().get("detail").asText()).contains("fanout").contains("following:read");
  }

  @Test
  void everyCredentialGetsItsAnswer() {
    Account owner = withFollowers(1);
    Account user = api.signUp();
    Account loggedOut = api.logIn(api.signUp());
    api.delete("/v1/sessions/current", loggedOut.token());
    String path = "/v1/users/" + owner.id() + "/followers/ids";

    assertThat(status(path, null)).isEqualTo(401);
    assertThat(status(path, "Basic " + FANOUT)).isEqualTo(401);
    assertThat(status(path, bearer("kith_not-a-token"))).isEqualTo(401);
    assertThat(status(path, bearer("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))).as("unknown").isEqualTo(401);
    assertThat(status(path, bearer(loggedOut.token()))).as("revoked user token").isEqualTo(401);
    Reply userToken = api.get(path, bearer(user.token()));
    assertThat(userToken.status()).as("user token").isEqualTo(403);
    assertThat(userToken.code()).isEqualTo("forbidden");
    assertThat(userToken.json().get("detail").asText()).contains("service token");
    assertThat(api.get(path, bearer(owner.token())).status()).as("not even the owner's").isEqualTo(403);
    Reply noScope = api.get(path, bearer(FANIN));
    assertThat(noScope.status()).as("service token without the scope").isEqualTo(403);
    assertThat(noScope.code()).isEqualTo("forbidden");
    assertThat(status(path, bearer(FANOUT))).isEqualTo(200);
    Reply unauthenticated = api.get(path, null);
    assertThat(unauthenticated.header("www-authenticate")).startsWith("Bearer");
  }

  @Test
  void serviceTokensActForNoUser() {
    Account someone = withFollowers(1);
    for (String[] call : new String[][] {
        {"GET", "/v1/me"}, {"GET", "/v1/users/" + someone.id()}, {"GET", "/v1/users/" + someone.id() + "/followers"},
        {"GET", "/v1/users/" + someone.id() + "/known-followers"}, {"GET", "/v1/me/suggestions"},
        {"PUT", "/v1/me/following/" + someone.id()}, {"DELETE", "/v1/sessions/current"}}) {
      Reply reply = api.send(call[0], call[1], bearer(FANOUT), null);
      assertThat(reply.status()).as("%s %s: %s", call[0], call[1], reply).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("forbidden");
    }
    assertThat(api.counts(someone)[0]).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedNamingTheParameter() {
    Account owner = withFollowers(3);
    String path = "/v1/users/" + owner.id() + "/followers/ids";
    for (String limit : new String[] {"0", "5001", "many", ""}) {
      Reply reply = api.get(path + "?limit=" + limit, bearer(FANOUT));
      assertThat(reply.status()).as("limit=%s", limit).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("limit");
    }
    String listCursor = api.get("/v1/users/" + owner.id() + "/followers?limit=1").json().get("next_cursor").asText();
    String otherOwners = api.get("/v1/users/" + withFollowers(2).id() + "/followers/ids?limit=1", bearer(FANOUT))
        .json().get("next_cursor").asText();
    for (String cursor : new String[] {listCursor, otherOwners, "junk"}) {
      Reply reply = api.get(path + "?cursor=" + cursor, bearer(FANOUT));
      assertThat(reply.status()).as("cursor %s", cursor).isEqualTo(400);
      assertThat(reply.field()).isEqualTo("cursor");
    }
    Reply badId = api.get("/v1/users/abc/followers/ids", bearer(FANOUT));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.field()).isEqualTo("id");
    assertThat(api.get("/v1/users/4242424242/followers/ids", bearer(FANOUT)).status()).isEqualTo(404);
  }

  @Test
  void aTokenRemovedFromTheConfigurationStopsWorkingAtRestart() {
    Account owner = withFollowers(2);
    String path = "/v1/users/" + owner.id() + "/followers/ids";
    assertThat(status(path, bearer(REVOKED))).isEqualTo(200);
    specs.removeIf(spec -> spec.startsWith("retired:"));
    server.restart();
    TestApi restarted = server.api();
    assertThat(restarted.get(path, bearer(REVOKED)).status()).isEqualTo(401);
    assertThat(restarted.get(path, bearer(FANOUT)).status()).isEqualTo(200);
  }

  private int status(String path, String authorization) {
    return api.get(path, authorization).status();
  }

  private List<String> readIds(String path, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    while (true) {
      Reply page = api.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), bearer(FANOUT));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().get("ids").forEach(id -> ids.add(id.asText()));
      if (page.json().get("next_cursor").isNull()) {
        return ids;
      }
      assertThat(page.json().get("ids")).hasSize(limit);
      cursor = page.json().get("next_cursor").asText();
    }
  }
}
