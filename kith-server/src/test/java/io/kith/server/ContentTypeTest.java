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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies must be declared UTF-8 JSON: a web page on another site can post text/plain without a CORS preflight,
 * so accepting it would let any site sign people up or log them in.
 */
class ContentTypeTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void signUpWithABodyThatIsNotDeclaredJsonIsRefusedAndChangesNothing() {
    for (String type : new String[] {"text/plain", "text/plain; charset=utf-8", null,
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16", "application/jsonp", "text/json"}) {
      String handle = newHandle("ctype");
      byte[] body = json(fields("handle", handle, "password", TestApi.PASSWORD)).getBytes(StandardCharsets.UTF_8);
      Reply reply = api.sendBytes("POST", "/v1/accounts", null, body, type);
      assertThat(reply.status()).as("%s: %s", type, reply).isEqualTo(415);
      assertThat(reply.code()).isEqualTo("unsupported_media_type");
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(server.store().userByHandle(Handle.parse("handle", handle))).as(type).isEmpty();
    }
  }

  @Test
  void logInAndProfileEditsNeedJsonToo() {
    Account me = api.signUp();
    byte[] login = json(fields("handle", me.handle(), "password", me.password())).getBytes(StandardCharsets.UTF_8);
    assertThat(api.sendBytes("POST", "/v1/sessions", null, login, "text/plain").status()).isEqualTo(415);
    byte[] bio = json(fields("bio", "hi")).getBytes(StandardCharsets.UTF_8);
    assertThat(api.sendBytes("PATCH", "/v1/me", me.token(), bio, "text/plain").status()).isEqualTo(415);
    assertThat(api.card(me).get("bio").asText()).isEmpty();
  }

  @Test
  void jsonWithOrWithoutUtf8CharsetIsAccepted() {
    for (String type : new String[] {"application/json", "application/json; charset=utf-8",
        "Application/JSON; Charset=\"UTF-8\""}) {
      byte[] body = json(fields("handle", newHandle("ok"), "password", TestApi.PASSWORD))
          .getBytes(StandardCharsets.UTF_8);
      assertThat(api.sendBytes("POST", "/v1/accounts", null, body, type).status()).as(type).isEqualTo(201);
    }
  }

  @Test
  void requestsWithoutABodyNeedNoContentType() {
    Account me = api.signUp();
    Account other = api.signUp();
    assertThat(api.sendBytes("PUT", "/v1/me/mutes/" + other.id(), me.token(), null, "text/plain").status())
        .isEqualTo(200);
    assertThat(api.sendBytes("PUT", "/v1/me/following/" + other.id(), me.token(), null, null).status())
        .isEqualTo(200);
  }

  @Test
  void aContentTypeWithoutABodyIsIgnoredWhateverItSays() {
    Account me = api.signUp();
    Account other = api.signUp();
    for (String type : new String[] {"multipart/form-data; boundary=x", "application/x-www-form-urlencoded"}) {
      assertThat(api.sendBytes("PUT", "/v1/me/mutes/" + other.id(), me.token(), null, type).status()).as(type)
          .isEqualTo(200);
      assertThat(api.sendBytes("GET", "/v1/users/" + other.id() + "/followers?limit=5", me.token(), null, type)
          .status()).as(type).isEqualTo(200);
    }
  }
}
