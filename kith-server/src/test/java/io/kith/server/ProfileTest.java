package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static io.kith.server.testing.TestApi.newHandle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.core.Handle;
import io.kith.core.UserId;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void readAndUpdateOwnProfile() {
    Account me = api.signUp();
    Reply updated = api.patch("/v1/me", me.token(), json(fields(
        "display_name", "Dana", "bio", "line one\nline two", "avatar_url", "https://img.example/d.png",
        "private", true)));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("display_name").asText()).isEqualTo("Dana");
    assertThat(updated.json().get("bio").asText()).isEqualTo("line one\nline two");
    assertThat(updated.json().get("avatar_url").asText()).isEqualTo("https://img.example/d.png");
    assertThat(updated.json().get("private").asBoolean()).isTrue();

    JsonNode read = api.get("/v1/me", me.token()).json();
    assertThat(read.get("display_name").asText()).isEqualTo("Dana");
    assertThat(read.get("private").asBoolean()).isTrue();
    assertThat(read.has("viewer")).isFalse();

    // A partial update leaves the other fields; null removes the avatar.
    Reply removed = api.patch("/v1/me", me.token(), json(fields("avatar_url", null)));
    assertThat(removed.json().get("avatar_url").isNull()).isTrue();
    assertThat(removed.json().get("display_name").asText()).isEqualTo("Dana");
    assertThat(removed.json().get("bio").asText()).isEqualTo("line one\nline two");

    Reply empty = api.patch("/v1/me", me.token(), "{}");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("display_name").asText()).isEqualTo("Dana");
  }

  @Test
  void changingHandleFreesTheOldOne() {
    Account me = api.signUp();
    String newHandle = newHandle("renamed");
    Reply reply = api.patch("/v1/me", me.token(), json(fields("handle", newHandle.toUpperCase())));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("handle").asText()).isEqualTo(newHandle);

    assertThat(api.get("/v1/users/by-handle/" + me.handle()).status()).isEqualTo(404);
    assertThat(api.get("/v1/users/by-handle/" + newHandle).json().get("id").asText()).isEqualTo(me.id());
    Account taker = api.signUp(me.handle());
    assertThat(taker.id()).isNotEqualTo(me.id());
  }

  @Test
  void settingYourOwnHandleAgainIsANoOp() {
    Account me = api.signUp();
    Reply reply = api.patch("/v1/me", me.token(), json(fields("handle", me.handle().toUpperCase())));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("handle").asText()).isEqualTo(me.handle());
    assertThat(api.get("/v1/users/by-handle/" + me.handle()).json().get("id").asText()).isEqualTo(me.id());
  }

  @Test
  void takenHandleIsAConflictAndChangesNothing() {
    Account me = api.signUp();
    Account other = api.signUp();
    Reply reply = api.patch("/v1/me", me.token(),
        json(fields("handle", other.handle().toUpperCase(), "display_name", "Should Not Stick")));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.code()).isEqualTo("conflict");
    assertThat(reply.field()).isEqualTo("handle");
    JsonNode after = api.get("/v1/me", me.token()).json();
    assertThat(after.get("handle").asText()).isEqualTo(me.handle());
    assertThat(after.get("display_name").asText()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown field        | {"display_name": "X", "followers": 5}   | followers
      acting id in body    | {"id": "1", "display_name": "X"}        | id
      display name null    | {"display_name": null}                  | display_name
      bio wrong type       | {"bio": 7}                              | bio
      private wrong type   | {"private": "yes"}                      | private
      avatar not https     | {"avatar_url": "http://img.example/a"}  | avatar_url
      avatar not a url     | {"avatar_url": "::nope::"}              | avatar_url
      control characters   | {"display_name": "a\\u0007b"}           | display_name
      bad handle           | {"handle": "x"}                         | handle
      reserved handle      | {"handle": "root"}                      | handle
      malformed json       | {"bio": }                               |
      """)
  void badUpdatesAreRejectedAndChangeNothing(String name, String body, String field) {
    Account me = api.signUp();
    JsonNode before = api.get("/v1/me", me.token()).json();

    Reply reply = api.patch("/v1/me", me.token(), body);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_argument");
    assertThat(reply.field()).isEqualTo(field);
    assertThat(api.get("/v1/me", me.token()).json()).isEqualTo(before);
  }

  @Test
  void overlongBioIsRejected() {
    Account me = api.signUp();
    Reply reply = api.patch("/v1/me", me.token(), json(fields("bio", "b".repeat(281))));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("bio");
    assertThat(api.get("/v1/me", me.token()).json().get("bio").asText()).isEmpty();
  }

  @Test
  void deletingTheAccountRevokesItsTokensFreesItsHandleAndFixesOthersCounts() {
    Account leaving = api.signUp();
    Account second = api.logIn(leaving);
    Account followed = api.signUp();
    Account follower = api.signUp();
    Account friend = api.signUp();
    api.follow(leaving, followed);
    api.follow(follower, leaving);
    api.follow(leaving, friend);
    api.follow(friend, leaving);
    assertThat(api.counts(followed)).containsExactly(1, 0, 0);
    assertThat(api.counts(follower)).containsExactly(0, 1, 0);
    assertThat(api.counts(friend)).containsExactly(1, 1, 1);

    assertThat(api.delete("/v1/me", leaving.token()).status()).isEqualTo(204);

    assertThat(api.get("/v1/me", leaving.token()).status()).isEqualTo(401);
    assertThat(api.get("/v1/me", second.token()).status()).isEqualTo(401);
    assertThat(api.get("/v1/users/" + leaving.id()).status()).isEqualTo(404);
    assertThat(api.counts(followed)).containsExactly(0, 0, 0);
    assertThat(api.counts(follower)).containsExactly(0, 0, 0);
    assertThat(api.counts(friend)).containsExactly(0, 0, 0);
    assertThat(api.get("/v1/users/" + follower.id() + "/following").json().get("items")).isEmpty();
    assertThat(server.store().user(UserId.parse("id", leaving.id()))).isEmpty();
    assertThat(server.store().userByHandle(Handle.parse("handle", leaving.handle()))).isEmpty();
    Account reborn = api.signUp(leaving.handle());
    assertThat(reborn.id()).isNotEqualTo(leaving.id());
  }
}
