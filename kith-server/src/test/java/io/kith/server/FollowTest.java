package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FollowTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void followIsIdempotent() {
    Account a = api.signUp();
    Account b = api.signUp();

    Reply first = api.put("/v1/me/following/" + b.id(), a.token());
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("state").asText()).isEqualTo("following");
    Reply again = api.put("/v1/me/following/" + b.id(), a.token());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("state").asText()).isEqualTo("following");

    assertThat(api.counts(a)).containsExactly(0, 1, 0);
    assertThat(api.counts(b)).containsExactly(1, 0, 0);
    assertThat(api.get("/v1/users/" + b.id() + "/followers").json().get("items")).hasSize(1);
  }

  @Test
  void mutualFollowsAreFriends() {
    Account a = api.signUp();
    Account b = api.signUp();
    api.follow(a, b);
    api.follow(b, a);

    assertThat(api.counts(a)).containsExactly(1, 1, 1);
    JsonNode friends = api.get("/v1/users/" + a.id() + "/friends").json();
    assertThat(friends.get("items")).hasSize(1);
    assertThat(friends.get("items").get(0).get("id").asText()).isEqualTo(b.id());
    assertThat(friends.get("items").get(0).get("since").asText()).endsWith("Z");
  }

  @Test
  void unfollowIsIdempotent() {
    Account a = api.signUp();
    Account b = api.signUp();
    api.follow(a, b);
    api.follow(b, a);

    assertThat(api.delete("/v1/me/following/" + b.id(), a.token()).status()).isEqualTo(204);
    assertThat(api.delete("/v1/me/following/" + b.id(), a.token()).status()).isEqualTo(204);
    assertThat(api.delete("/v1/me/following/999999999", a.token()).status()).isEqualTo(204);

    assertThat(api.counts(a)).containsExactly(1, 0, 0);
    assertThat(api.counts(b)).containsExactly(0, 1, 0);
  }

  @Test
  void cannotFollowYourselfOrNobody() {
    Account a = api.signUp();

    Reply self = api.put("/v1/me/following/" + a.id(), a.token());
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.code()).isEqualTo("invalid_argument");
    assertThat(self.field()).isEqualTo("id");

    Reply unknown = api.put("/v1/me/following/999999999", a.token());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("not_found");

    Reply malformed = api.put("/v1/me/following/bob", a.token());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.field()).isEqualTo("id");

    Reply selfUnfollow = api.delete("/v1/me/following/" + a.id(), a.token());
    assertThat(selfUnfollow.status()).isEqualTo(400);
    assertThat(api.counts(a)).containsExactly(0, 0, 0);
  }

  @Test
  void relationshipsOfTheViewerInTheOrderAsked() {
    Account me = api.signUp();
    Account followed = api.signUp();
    Account follower = api.signUp();
    Account friend = api.signUp();
    api.follow(me, followed);
    api.follow(follower, me);
    api.follow(me, friend);
    api.follow(friend, me);

    Reply reply = api.get("/v1/relationships?ids=" + friend.id() + "," + followed.id() + "," + follower.id()
        + ",999999999", me.token());

    assertThat(reply.status()).isEqualTo(200);
    JsonNode items = reply.json().get("items");
    assertThat(items).as("the unknown id is left out").hasSize(3);
    String rest = ",\"requested\":false,\"requested_by\":false,\"blocking\":false,\"blocked_by\":false,"
        + "\"muting\":false,\"muting_expires_at\":null}";
    assertThat(items.get(0).toString()).isEqualTo(
        "{\"id\":\"" + friend.id() + "\",\"following\":true,\"followed_by\":true,\"friend\":true" + rest);
    assertThat(items.get(1).toString()).isEqualTo(
        "{\"id\":\"" + followed.id() + "\",\"following\":true,\"followed_by\":false,\"friend\":false" + rest);
    assertThat(items.get(2).toString()).isEqualTo(
        "{\"id\":\"" + follower.id() + "\",\"following\":false,\"followed_by\":true,\"friend\":false" + rest);

    Reply tooMany = api.get("/v1/relationships?ids=" + "1,".repeat(100) + "1", me.token());
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.field()).isEqualTo("ids");
    Reply missing = api.get("/v1/relationships", me.token());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.field()).isEqualTo("ids");
  }
}
