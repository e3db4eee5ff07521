package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static io.kith.server.testing.TestApi.newHandle;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Text that is not Unicode, invisible names, look-alike handles and non-ASCII numbers are refused, naming the field. */
class TextInputTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  private static void refused(Reply reply, String field) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_argument");
    assertThat(reply.field()).isEqualTo(field);
  }

  @Test
  void aBioWithAnUnpairedSurrogateIsRefusedAndNotStored() {
    Account me = api.signUp();
    // Written as JSON escapes: a JSON encoder would refuse to produce these, an attacker does not.
    refused(api.patch("/v1/me", me.token(), "{\"bio\": \"\\ud800\"}"), "bio");
    refused(api.patch("/v1/me", me.token(), "{\"bio\": \"ok \\udc00 ok\"}"), "bio");
    assertThat(api.card(me).get("bio").asText()).isEmpty();
    assertThat(api.patch("/v1/me", me.token(), "{\"bio\": \"ok \\ud83d\\ude00\"}").status()).isEqualTo(200);
  }

  @Test
  void passwordsWithUnpairedSurrogatesAreRefusedSoTheyCannotCollide() {
    String handle = newHandle("sur");
    refused(api.post("/v1/accounts", null,
        "{\"handle\": \"" + handle + "\", \"password\": \"abcdefgh\\ud800\"}"), "password");
    assertThat(server.store().userByHandle(Handle.parse("handle", handle))).isEmpty();

    Account me = api.signUp();
    refused(api.post("/v1/sessions", null,
        "{\"handle\": \"" + me.handle() + "\", \"password\": \"abcdefgh\\udbff\"}"), "password");
    refused(api.post("/v1/sessions", null, "{\"handle\": \"x\\ud800\", \"password\": \"abcdefgh\"}"), "handle");
  }

  @Test
  void everyStringInTheBodyIsChecked() {
    Account me = api.signUp();
    refused(api.patch("/v1/me", me.token(), "{\"lists_visibility\": \"\\ud800\"}"), "lists_visibility");
    refused(api.patch("/v1/me", me.token(), "{\"avatar_url\": \"https://x.example/\\udfff\"}"), "avatar_url");
  }

  @Test
  void invisibleOrFormattingCharactersInDisplayNamesAreRefused() {
    Account me = api.signUp();
    for (String name : new String[] {"Ali\u200Bce", "\u202Eecila", "\u3164", "Alice\u2066", "\u2800",
        "Al\u00A0ice", "\u0301"}) {
      refused(api.patch("/v1/me", me.token(), json(fields("display_name", name))), "display_name");
      refused(api.post("/v1/accounts", null, json(fields("handle", newHandle("inv"), "password", TestApi.PASSWORD,
          "display_name", name))), "display_name");
    }
    assertThat(api.card(me).get("display_name").asText()).isEmpty();
    assertThat(api.patch("/v1/me", me.token(), json(fields("display_name", "Zoë 👩‍💻"))).status()).isEqualTo(200);
  }

  @Test
  void handlesAreCheckedAsTypedNotAfterCaseFolding() {
    refused(api.post("/v1/accounts", null, json(fields("handle", "\u212Aevin_" + System.nanoTime() % 1000,
        "password", TestApi.PASSWORD))), "handle");
    Account me = api.signUp();
    refused(api.patch("/v1/me", me.token(), json(fields("handle", "\u212Aelvin"))), "handle");
    refused(api.get("/v1/users/by-handle/" + URLEncoder.encode("\u212A" + me.handle().substring(1),
        StandardCharsets.UTF_8)), "handle");
  }

  @Test
  void numbersInQueriesAreAsciiDigitsOnly() {
    Account me = api.signUp();
    for (String limit : new String[] {"５０", "٥", "+5", "-1", "5 "}) {
      String encoded = URLEncoder.encode(limit, StandardCharsets.UTF_8);
      refused(api.get("/v1/users/" + me.id() + "/followers?limit=" + encoded), "limit");
      refused(api.get("/v1/me/suggestions?limit=" + encoded, me.token()), "limit");
    }
    assertThat(api.get("/v1/users/" + me.id() + "/followers?limit=50").status()).isEqualTo(200);
    refused(api.get("/v1/users/" + URLEncoder.encode("１２３", StandardCharsets.UTF_8)), "id");
  }
}
