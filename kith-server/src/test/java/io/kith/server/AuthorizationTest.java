package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizationTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  /** The target every call aims at; nothing may happen to it. */
  private static Account target;
  private static String revokedToken;
  private static String deletedUsersToken;

  private final TestApi api = server.api();

  @BeforeAll
  static void accounts() {
    TestApi api = server.api();
    target = api.signUp();
    Account loggedOut = api.signUp();
    assertThat(api.delete("/v1/sessions/current", loggedOut.token()).status()).isEqualTo(204);
    revokedToken = loggedOut.token();
    Account deleted = api.signUp();
    deletedUsersToken = api.logIn(deleted).token();
    assertThat(api.delete("/v1/me", deleted.token()).status()).isEqualTo(204);
  }

  record Call(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every endpoint that needs a token. Paths are functions of the target's id. */
  static List<Function<String, Call>> protectedCalls() {
    return List.of(
        id -> new Call("DELETE", "/v1/sessions/current", null),
        id -> new Call("GET", "/v1/me", null),
        id -> new Call("PATCH", "/v1/me", "{\"display_name\": \"Hacked\"}"),
        id -> new Call("DELETE", "/v1/me", null),
        id -> new Call("PUT", "/v1/me/following/" + id, null),
        id -> new Call("DELETE", "/v1/me/following/" + id, null),
        id -> new Call("GET", "/v1/relationships?ids=" + id, null));
  }

  /** Endpoints where a token is optional but, when sent, must be valid. */
  static List<Function<String, Call>> optionalCalls() {
    return List.of(
        id -> new Call("GET", "/v1/users/" + id, null),
        id -> new Call("GET", "/v1/users?ids=" + id, null),
        id -> new Call("GET", "/v1/users/" + id + "/followers", null),
        id -> new Call("GET", "/v1/users/" + id + "/following", null),
        id -> new Call("GET", "/v1/users/" + id + "/friends", null));
  }

  static Stream<Arguments> badCredentials() {
    return protectedCalls().stream().flatMap(call -> Stream.of(
        Arguments.of(call, "no token", null),
        Arguments.of(call, "wrong scheme", "Basic dXNlcjpwYXNz"),
        Arguments.of(call, "not a kith token", "Bearer abc.def.ghi"),
        Arguments.of(call, "well-formed but unknown", "Bearer kith_" + "A".repeat(43)),
        Arguments.of(call, "revoked by logout", "revoked"),
        Arguments.of(call, "of a deleted user", "deleted")));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("badCredentials")
  void protectedEndpointsRefuseBadCredentialsAndChangeNothing(Function<String, Call> callFor, String name,
                                                              String credential) {
    long[] before = api.counts(target);
    String authorization = switch (String.valueOf(credential)) {
      case "revoked" -> "Bearer " + revokedToken;
      case "deleted" -> "Bearer " + deletedUsersToken;
      case "null" -> null;
      default -> credential;
    };
    Call call = callFor.apply(target.id());

    Reply reply = api.send(call.method(), call.path(), authorization, call.body());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("unauthenticated");
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.header("www-authenticate")).startsWith("Bearer");
    assertThat(api.counts(target)).containsExactly(before);
    assertThat(api.card(target).get("display_name").asText()).isEmpty();
  }

  static Stream<Arguments> optionalEndpoints() {
    return optionalCalls().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionalEndpoints")
  void optionalTokenWorksWithoutOneButRefusesABadOne(Function<String, Call> callFor) {
    Call call = callFor.apply(target.id());
    assertThat(api.send(call.method(), call.path(), null, null).status()).isEqualTo(200);
    for (String bad : List.of("Bearer nope", "Bearer " + revokedToken, "Bearer " + deletedUsersToken)) {
      Reply reply = api.send(call.method(), call.path(), bad, null);
      assertThat(reply.status()).as(call + " " + bad).isEqualTo(401);
      assertThat(reply.header("www-authenticate")).startsWith("Bearer");
    }
  }

  @Test
  void anotherUsersTokenOnlyEverActsOnItsOwner() {
    Account alice = api.signUp();
    Account mallory = api.signUp();

    // "me" is always the token's owner; there is no way to name someone else.
    Reply patch = api.patch("/v1/me", mallory.token(), json(fields("display_name", "Mallory")));
    assertThat(patch.json().get("id").asText()).isEqualTo(mallory.id());
    assertThat(api.card(alice).get("display_name").asText()).isEmpty();

    Reply smuggled = api.patch("/v1/me", mallory.token(), json(fields("id", alice.id(), "bio", "x")));
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(smuggled.field()).isEqualTo("id");

    api.follow(mallory, alice);
    assertThat(api.counts(alice)).containsExactly(1, 0, 0);
    assertThat(api.counts(mallory)).containsExactly(0, 1, 0);

    assertThat(api.delete("/v1/sessions/current", mallory.token()).status()).isEqualTo(204);
    assertThat(api.get("/v1/me", alice.token()).status()).isEqualTo(200);

    Account mallory2 = api.logIn(mallory);
    assertThat(api.delete("/v1/me", mallory2.token()).status()).isEqualTo(204);
    assertThat(api.get("/v1/me", alice.token()).json().get("id").asText()).isEqualTo(alice.id());
    assertThat(server.store().user(UserId.parse("id", alice.id()))).isPresent();
    assertThat(api.counts(alice)).containsExactly(0, 0, 0);
  }
}
