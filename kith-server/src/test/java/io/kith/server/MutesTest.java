package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mutes change no edge and stop counting when they expire: the clock is moved, never waited for. */
class MutesTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock);

  private final TestApi api = server.api();

  @Test
  void timedMutesExpireAndForeverMutesDoNot() {
    Account me = api.signUp();
    Account loud = api.signUp();
    Account louder = api.signUp();
    api.follow(me, loud);

    Reply timed = api.send("PUT", "/v1/me/mutes/" + loud.id(), me.token(), "{\"duration_seconds\": 60}");
    assertThat(timed.status()).as(timed.toString()).isEqualTo(200);
    String expiresAt = clock.instant().plusSeconds(60).toString();
    assertThat(timed.json().get("expires_at").asText()).isEqualTo(expiresAt);
    Reply forever = api.put("/v1/me/mutes/" + louder.id(), me.token());
    assertThat(forever.status()).isEqualTo(200);
    assertThat(forever.json().get("expires_at").isNull()).isTrue();

    JsonNode relationship = api.relationship(me, loud);
    assertThat(relationship.get("muting").asBoolean()).isTrue();
    assertThat(relationship.get("muting_expires_at").asText()).isEqualTo(expiresAt);
    assertThat(relationship.get("following").asBoolean()).as("muting changes no edge").isTrue();
    assertThat(api.relationship(me, louder).get("muting_expires_at").isNull()).isTrue();
    assertThat(api.counts(loud)).containsExactly(1, 0, 0);
    assertThat(api.relationship(loud, me).get("muting").asBoolean()).as("a mute is one-way").isFalse();

    Reply mutes = api.get("/v1/me/mutes", me.token());
    assertThat(TestApi.ids(mutes)).containsExactlyInAnyOrder(loud.id(), louder.id());
    for (JsonNode item : mutes.json().get("items")) {
      assertThat(item.get("muted_at").asText()).endsWith("Z");
      assertThat(item.get("expires_at").isNull()).isEqualTo(item.get("id").asText().equals(louder.id()));
    }

    clock.advance(Duration.ofSeconds(59));
    assertThat(api.relationship(me, loud).get("muting").asBoolean()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    JsonNode expired = api.relationship(me, loud);
    assertThat(expired.get("muting").asBoolean()).isFalse();
    assertThat(expired.get("muting_expires_at").isNull()).isTrue();
    assertThat(TestApi.ids(api.get("/v1/me/mutes", me.token()))).containsExactly(louder.id());

    clock.advance(Duration.ofDays(400));
    me = api.logIn(me); // the old token expired meanwhile
    assertThat(api.relationship(me, louder).get("muting").asBoolean()).isTrue();
    assertThat(api.delete("/v1/me/mutes/" + louder.id(), me.token()).status()).isEqualTo(204);
    assertThat(api.delete("/v1/me/mutes/" + louder.id(), me.token()).status()).isEqualTo(204);
    assertThat(api.relationship(me, louder).get("muting").asBoolean()).isFalse();
    assertThat(TestApi.ids(api.get("/v1/me/mutes", me.token()))).isEmpty();
  }

  @Test
  void expiredMutesAreLeftOutOfFullPagesWithWorkingCursors() {
    Account me = api.signUp();
    List<String> lasting = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Account other = api.signUp();
      boolean expires = i % 3 != 2;
      Reply reply = api.send("PUT", "/v1/me/mutes/" + other.id(), me.token(),
          "{\"duration_seconds\": " + (expires ? 5 : 0) + "}");
      assertThat(reply.status()).isEqualTo(200);
      if (!expires) {
        lasting.add(0, other.id());
      }
      clock.advance(Duration.ofMillis(1)); // distinct mute times: newest first is a strict order
    }
    assertThat(api.readAll("/v1/me/mutes", me.token(), 2)).hasSize(9);

    clock.advance(Duration.ofSeconds(5));

    assertThat(api.readAll("/v1/me/mutes", me.token(), 1)).containsExactlyElementsOf(lasting);
    assertThat(api.readAll("/v1/me/mutes", me.token(), 2)).containsExactlyElementsOf(lasting);
  }

  @Test
  void mutingAgainReplacesTheExpiry() {
    Account me = api.signUp();
    Account other = api.signUp();
    api.send("PUT", "/v1/me/mutes/" + other.id(), me.token(), "{\"duration_seconds\": 10}");
    Reply again = api.send("PUT", "/v1/me/mutes/" + other.id(), me.token(), "{\"duration_seconds\": 0}");
    assertThat(again.json().get("expires_at").isNull()).isTrue();
    clock.advance(Duration.ofSeconds(11));
    assertThat(api.relationship(me, other).get("muting").asBoolean()).isTrue();
    assertThat(api.get("/v1/users/" + other.id(), me.token()).json().at("/viewer/muting").asBoolean()).isTrue();
  }

  @Test
  void badMuteBodiesAreRefusedAndChangeNothing() {
    Account me = api.signUp();
    Account other = api.signUp();
    for (String body : new String[] {"{\"duration_seconds\": -1}", "{\"duration_seconds\": \"60\"}",
        "{\"duration_seconds\": 1.5}", "{\"duration_seconds\": 99999999999999999999}",
        "{\"duration_seconds\": 315360001}", "{\"duration\": 60}", "[60]", "{"}) {
      Reply reply = api.send("PUT", "/v1/me/mutes/" + other.id(), me.token(), body);
      assertThat(reply.status()).as(body + " -> " + reply).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("invalid_argument");
    }
    assertThat(api.relationship(me, other).get("muting").asBoolean()).isFalse();
    Reply self = api.put("/v1/me/mutes/" + me.id(), me.token());
    assertThat(self.status()).isEqualTo(400);
    assertThat(api.put("/v1/me/mutes/4242424242", me.token()).status()).isEqualTo(404);
    assertThat(api.send("PUT", "/v1/me/mutes/" + other.id(), me.token(), "{}").status()).isEqualTo(200);
  }
}
