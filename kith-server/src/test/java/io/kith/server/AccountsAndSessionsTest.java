package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static io.kith.server.testing.TestApi.newHandle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

class AccountsAndSessionsTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void signUpReturnsTheUserCardAndAWorkingToken() {
    String handle = newHandle("Alice");
    Reply reply = api.post("/v1/accounts", null,
        json(fields("handle", handle, "password", "s3cret-pass", "display_name", "  Alice A.  ")));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode user = reply.json().get("user");
    assertThat(user.get("id").isTextual()).isTrue();
    assertThat(user.get("handle").asText()).isEqualTo(handle.toLowerCase());
    assertThat(user.get("display_name").asText()).isEqualTo("Alice A.");
    assertThat(user.get("bio").asText()).isEmpty();
    assertThat(user.get("avatar_url").isNull()).isTrue();
    assertThat(user.get("private").asBoolean()).isFalse();
    assertThat(user.get("created_at").asText()).endsWith("Z");
    assertThat(user.get("counts").toString()).isEqualTo("{\"followers\":0,\"following\":0,\"friends\":0}");
    assertThat(reply.json().get("token").asText()).matches("kith_[A-Za-z0-9_-]{43}");
    assertThat(reply.body()).doesNotContain("s3cret-pass").doesNotContain("argon2");

    Reply me = api.get("/v1/me", reply.json().get("token").asText());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("id")).isEqualTo(user.get("id"));
  }

  @Test
  void passwordsAreStoredAsArgon2idPhcStrings() {
    Account account = api.signUp();
    String hash = server.store().passwordHash(UserId.parse("id", account.id())).orElseThrow();
    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hash).doesNotContain(account.password());
  }

  @Test
  void handlesAreUniqueIgnoringCase() {
    String handle = newHandle("bob");
    Account bob = api.signUp(handle);
    Reply reply = api.post("/v1/accounts", null,
        json(fields("handle", handle.toUpperCase(), "password", "another password")));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.code()).isEqualTo("conflict");
    assertThat(reply.field()).isEqualTo("handle");
    // Nothing changed: the original owner still logs in with the original password, not the new one.
    api.logIn(bob);
    Reply wrong = api.post("/v1/sessions", null, json(fields("handle", handle, "password", "another password")));
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void logInIssuesANewIndependentToken() {
    Account account = api.signUp();
    Account second = api.logIn(account);
    assertThat(second.token()).isNotEqualTo(account.token());
    assertThat(api.get("/v1/me", account.token()).status()).isEqualTo(200);
    assertThat(api.get("/v1/me", second.token()).status()).isEqualTo(200);
  }

  @Test
  void logInWithMixedCaseHandle() {
    Account account = api.signUp(newHandle("carol"));
    Reply reply = api.post("/v1/sessions", null,
        json(fields("handle", account.handle().toUpperCase(), "password", account.password())));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/user/id").asText()).isEqualTo(account.id());
  }

  @Test
  void unknownHandleAndWrongPasswordGetTheSameAnswer() {
    Account account = api.signUp();
    Reply wrongPassword = api.post("/v1/sessions", null,
        json(fields("handle", account.handle(), "password", "not the password")));
    Reply unknownHandle = api.post("/v1/sessions", null,
        json(fields("handle", newHandle("nobody"), "password", "not the password")));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownHandle.status()).isEqualTo(401);
    assertThat(withoutRequestId(wrongPassword)).isEqualTo(withoutRequestId(unknownHandle));
    assertThat(wrongPassword.code()).isEqualTo("unauthenticated");
    assertThat(wrongPassword.header("www-authenticate")).startsWith("Bearer");
    assertThat(wrongPassword.body()).doesNotContain("not the password");
  }

  @Test
  void logOutRevokesOnlyThatToken() {
    Account account = api.signUp();
    Account other = api.logIn(account);

    assertThat(api.delete("/v1/sessions/current", account.token()).status()).isEqualTo(204);

    Reply revoked = api.get("/v1/me", account.token());
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.code()).isEqualTo("unauthenticated");
    assertThat(api.get("/v1/me", other.token()).status()).isEqualTo(200);
    assertThat(api.delete("/v1/sessions/current", account.token()).status()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      malformed JSON            | {"handle": "x_ok", "password":     | invalid_argument |
      trailing garbage          | {"handle": "ab_1"} {}              | invalid_argument |
      duplicate key             | {"handle": "ab_2", "handle": "ab_3", "password": "12345678"} | invalid_argument |
      not an object             | ["handle"]                         | invalid_argument |
      empty body                | ``                                 | invalid_argument |
      unknown field             | {"handle": "ab_4", "password": "12345678", "admin": true} | invalid_argument | admin
      acting id in body         | {"handle": "ab_5", "password": "12345678", "id": "1"} | invalid_argument | id
      missing handle            | {"password": "12345678"}           | invalid_argument | handle
      missing password          | {"handle": "ab_6"}                 | invalid_argument | password
      handle wrong type         | {"handle": 12, "password": "12345678"} | invalid_argument | handle
      handle null               | {"handle": null, "password": "12345678"} | invalid_argument | handle
      password wrong type       | {"handle": "ab_7", "password": 12345678} | invalid_argument | password
      display name wrong type   | {"handle": "ab_8", "password": "12345678", "display_name": false} | invalid_argument | display_name
      handle too short          | {"handle": "a", "password": "12345678"} | invalid_argument | handle
      handle too long           | {"handle": "abcdefghijklmnopqrstuvwxy", "password": "12345678"} | invalid_argument | handle
      handle bad characters     | {"handle": "ab-9", "password": "12345678"} | invalid_argument | handle
      handle all digits         | {"handle": "12345", "password": "12345678"} | invalid_argument | handle
      handle reserved           | {"handle": "admin", "password": "12345678"} | invalid_argument | handle
      password too short        | {"handle": "ab_10", "password": "1234567"} | invalid_argument | password
      display name too long     | {"handle": "ab_11", "password": "12345678", "display_name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"} | invalid_argument | display_name
      """)
  void badSignUpsAreRejectedAndCreateNothing(String name, String body, String code, String field) {
    Reply reply = api.post("/v1/accounts", null, body);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.code()).isEqualTo(code);
    assertThat(reply.field()).isEqualTo(field);
    assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    assertThat(reply.json().get("title").asText()).isNotEmpty();
    assertThat(reply.json().get("type").asText()).isEqualTo("urn:kith:problem:" + code);
    assertThat(reply.json().get("detail").asText()).isNotEmpty();
    for (String handle : new String[] {"x_ok", "ab_1", "ab_2", "ab_3", "ab_4", "ab_5", "ab_6", "ab_7", "ab_8",
        "ab_10", "ab_11"}) {
      assertThat(server.store().userByHandle(Handle.parse("handle", handle))).isEmpty();
    }
  }

  @Test
  void overlongPasswordIsRejected() {
    String handle = newHandle("long");
    Reply reply = api.post("/v1/accounts", null, json(fields("handle", handle, "password", "p".repeat(129))));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("password");
    assertThat(server.store().userByHandle(Handle.parse("handle", handle))).isEmpty();
  }

  @Test
  void badLogInBodies() {
    Reply missing = api.post("/v1/sessions", null, json(fields("handle", "someone")));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.field()).isEqualTo("password");
    Reply unknown = api.post("/v1/sessions", null,
        json(fields("handle", "someone", "password", "12345678", "remember", true)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.field()).isEqualTo("remember");
    Reply badHandle = api.post("/v1/sessions", null, json(fields("handle", "no way!", "password", "12345678")));
    assertThat(badHandle.status()).isEqualTo(400);
    assertThat(badHandle.field()).isEqualTo("handle");
  }

  private static JsonNode withoutRequestId(Reply reply) {
    ObjectNode copy = reply.json().deepCopy();
    copy.remove("request_id");
    return copy;
  }
}
