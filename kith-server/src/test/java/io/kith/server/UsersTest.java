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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsersTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void cardByIdHasProfileAndCountsAndViewerOnlyWithAToken() {
    Account ann = api.signUp();
    Account ben = api.signUp();
    api.follow(ben, ann);

    JsonNode anonymous = api.get("/v1/users/" + ann.id()).json();
    assertThat(anonymous.get("id").asText()).isEqualTo(ann.id());
    assertThat(anonymous.get("handle").asText()).isEqualTo(ann.handle());
    assertThat(anonymous.get("counts").get("followers").asLong()).isEqualTo(1);
    assertThat(anonymous.has("viewer")).isFalse();

    String rest = ",\"requested\":false,\"requested_by\":false,\"blocking\":false,\"blocked_by\":false,"
        + "\"muting\":false,\"muting_expires_at\":null}";
    JsonNode seenByBen = api.get("/v1/users/" + ann.id(), ben.token()).json();
    assertThat(seenByBen.get("viewer").toString())
        .isEqualTo("{\"following\":true,\"followed_by\":false,\"friend\":false" + rest);
    JsonNode seenByAnn = api.get("/v1/users/" + ben.id(), ann.token()).json();
    assertThat(seenByAnn.get("viewer").toString())
        .isEqualTo("{\"following\":false,\"followed_by\":true,\"friend\":false" + rest);
  }

  @Test
  void cardByHandleIgnoresCase() {
    Account ann = api.signUp();
    Reply reply = api.get("/v1/users/by-handle/" + ann.handle().toUpperCase());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo(ann.id());
    assertThat(reply.json().get("counts")).isNotNull();
  }

  @Test
  void unknownAndInvalidUsers() {
    Reply unknownId = api.get("/v1/users/999999999");
    assertThat(unknownId.status()).isEqualTo(404);
    assertThat(unknownId.code()).isEqualTo("not_found");
    assertThat(unknownId.contentType()).startsWith("application/problem+json");

    Reply badId = api.get("/v1/users/12ab");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.field()).isEqualTo("id");
    assertThat(api.get("/v1/users/0").field()).isEqualTo("id");
    assertThat(api.get("/v1/users/99999999999999999999").field()).isEqualTo("id");

    assertThat(api.get("/v1/users/by-handle/nobody_here_x").status()).isEqualTo(404);
    Reply badHandle = api.get("/v1/users/by-handle/a");
    assertThat(badHandle.status()).isEqualTo(400);
    assertThat(badHandle.field()).isEqualTo("handle");
  }

  @Test
  void batchKeepsTheOrderAskedAndLeavesOutUnknownIds() {
    Account a = api.signUp();
    Account b = api.signUp();
    Account c = api.signUp();
    Reply reply = api.get("/v1/users?ids=" + c.id() + ",999999999," + a.id() + "," + b.id(), a.token());

    assertThat(reply.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().get("items").forEach(card -> ids.add(card.get("id").asText()));
    assertThat(ids).containsExactly(c.id(), a.id(), b.id());
    assertThat(reply.json().get("items").get(0).get("viewer")).isNotNull();
    assertThat(reply.json().get("items").get(0).get("counts")).isNotNull();
  }

  @Test
  void batchOfExactlyOneHundredIsAllowed() {
    List<Account> accounts = IntStream.range(0, 100).mapToObj(i -> api.signUp()).toList();
    String ids = String.join(",", accounts.stream().map(Account::id).toList());
    Reply reply = api.get("/v1/users?ids=" + ids);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(TestApi.ids(reply)).containsExactlyElementsOf(accounts.stream().map(Account::id).toList());
  }

  @Test
  void aRepeatedIdIsAnsweredOnceWhereItFirstAppears() {
    Account a = api.signUp();
    Account b = api.signUp();
    String ids = String.join(",", b.id(), a.id(), b.id(), "999999999", a.id(), b.id());

    assertThat(TestApi.ids(api.get("/v1/users?ids=" + ids))).containsExactly(b.id(), a.id());
    assertThat(TestApi.ids(api.get("/v1/users?ids=" + ids, a.token()))).containsExactly(b.id(), a.id());
    assertThat(TestApi.ids(api.get("/v1/relationships?ids=" + ids, a.token()))).containsExactly(b.id(), a.id());
    String hundredCopies = String.join(",", Collections.nCopies(100, a.id()));
    assertThat(TestApi.ids(api.get("/v1/users?ids=" + hundredCopies))).containsExactly(a.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "?ids=", "?ids=1,,2", "?ids=abc", "?ids=1,-2", "?ids=1%202", "?ids=0"})
  void badIdListsAreRejected(String query) {
    Reply reply = api.get("/v1/users" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_argument");
    assertThat(reply.field()).isEqualTo("ids");
  }

  @Test
  void moreThanOneHundredIdsAreRejected() {
    String ids = String.join(",", IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).toList());
    Reply reply = api.get("/v1/users?ids=" + ids);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("ids");
    assertThat(reply.json().get("detail").asText()).contains("100");
  }
}
