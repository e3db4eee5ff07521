package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint that names a user or needs a token, called about one victim with each kind of credential: none, a
 * malformed or unknown token, an expired one, a revoked one, another user's, and that of a user the victim blocks.
 * Each gets the right status, nothing of the victim changes (read from the store), and nothing leaks: to the blocked user the victim
 * answers exactly as an id that does not exist.
 */
class SecurityMatrixTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T00:00:00Z"));

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock);

  private static final String MISSING_ID = "4242424242";
  private static final String MISSING_HANDLE = "nobody_at_all";

  private static Account victim;
  private static String expiredToken;
  private static String revokedToken;

  private final TestApi api = server.api();

  /** Who calls and how they authenticate. */
  enum Credential { NONE, MALFORMED, UNKNOWN, EXPIRED, REVOKED, OTHER_USER, BLOCKED_USER }

  enum Access { TOKEN_REQUIRED, TOKEN_OPTIONAL }

  /**
   * An endpoint about the victim ({id} and {handle} in the path are the victim's); the statuses expected for an
   * unrelated user's token and for a blocked user's token.
   */
  record Endpoint(String method, String path, String body, Access access, int otherStatus, int blockedStatus) {
    String pathFor(String id, String handle) {
      return path.replace("{id}", id).replace("{handle}", handle);
    }

    boolean namesAUser() {
      return path.contains("{id}") || path.contains("{handle}");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Endpoint> endpoints() {
    Access required = Access.TOKEN_REQUIRED;
    Access optional = Access.TOKEN_OPTIONAL;
    return List.of(
        new Endpoint("DELETE", "/v1/sessions/current", null, required, 204, 204),
        new Endpoint("GET", "/v1/me", null, required, 200, 200),
        new Endpoint("PATCH", "/v1/me", "{\"bio\": \"changed\"}", required, 200, 200),
        new Endpoint("DELETE", "/v1/me", null, required, 204, 204),
        new Endpoint("PUT", "/v1/me/following/{id}", null, required, 200, 404),
        new Endpoint("DELETE", "/v1/me/following/{id}", null, required, 204, 204),
        new Endpoint("DELETE", "/v1/me/followers/{id}", null, required, 204, 204),
        new Endpoint("GET", "/v1/me/follow-requests", null, required, 200, 200),
        new Endpoint("GET", "/v1/me/follow-requests/outgoing", null, required, 200, 200),
        new Endpoint("POST", "/v1/me/follow-requests/{id}/accept", null, required, 404, 404),
        new Endpoint("POST", "/v1/me/follow-requests/{id}/reject", null, required, 404, 404),
        new Endpoint("GET", "/v1/me/blocks", null, required, 200, 200),
        new Endpoint("PUT", "/v1/me/blocks/{id}", null, required, 200, 404),
        new Endpoint("DELETE", "/v1/me/blocks/{id}", null, required, 204, 204),
        new Endpoint("GET", "/v1/me/mutes", null, required, 200, 200),
        new Endpoint("PUT", "/v1/me/mutes/{id}", "{\"duration_seconds\": 60}", required, 200, 404),
        new Endpoint("DELETE", "/v1/me/mutes/{id}", null, required, 204, 204),
        new Endpoint("GET", "/v1/relationships?ids={id}", null, required, 200, 200),
        new Endpoint("GET", "/v1/users/{id}", null, optional, 200, 404),
        new Endpoint("GET", "/v1/users/by-handle/{handle}", null, optional, 200, 404),
        new Endpoint("GET", "/v1/users?ids={id}", null, optional, 200, 200),
        new Endpoint("GET", "/v1/users/{id}/followers", null, optional, 200, 404),
        new Endpoint("GET", "/v1/users/{id}/following", null, optional, 200, 404),
        new Endpoint("GET", "/v1/users/{id}/friends", null, optional, 200, 404));
  }

  static Stream<Arguments> matrix() {
    return endpoints().stream().flatMap(e -> Stream.of(Credential.values()).map(c -> Arguments.of(e, c)));
  }

  @BeforeAll
  static void accounts() {
    TestApi api = server.api();
    Account expiring = api.signUp();
    expiredToken = expiring.token();
    clock.advance(Duration.ofHours(2)); // the extension's token lifetime is one hour; the clock stays here after
    assertThat(api.get("/v1/me", expiredToken).status()).isEqualTo(401);

    victim = api.signUp();
    Account follower = api.signUp();
    Account friend = api.signUp();
    Account muted = api.signUp();
    api.follow(follower, victim);
    api.follow(friend, victim);
    api.follow(victim, friend);
    api.put("/v1/me/mutes/" + muted.id(), victim.token());

    Account leaving = api.signUp();
    revokedToken = leaving.token();
    assertThat(api.delete("/v1/sessions/current", revokedToken).status()).isEqualTo(204);
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("matrix")
  void rightStatusNoChangeNoLeak(Endpoint endpoint, Credential credential) {
    String blockedCaller = null;
    String token = switch (credential) {
      case NONE -> null;
      case MALFORMED -> "Bearer not-a-kith-token";
      case UNKNOWN -> "Bearer kith_" + "B".repeat(43);
      case EXPIRED -> expiredToken;
      case REVOKED -> revokedToken;
      case OTHER_USER -> api.signUp().token();
      case BLOCKED_USER -> {
        Account blocked = api.signUp();
        api.block(victim, blocked);
        blockedCaller = blocked.id();
        yield blocked.token();
      }
    };
    String before = snapshotOfVictim(blockedCaller);

    Reply reply = api.send(endpoint.method(), endpoint.pathFor(victim.id(), victim.handle()), token,
        endpoint.body());

    switch (credential) {
      case NONE -> {
        if (endpoint.access() == Access.TOKEN_REQUIRED) {
          assertUnauthenticated(reply);
        } else {
          assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
          assertThat(reply.body()).doesNotContain("\"viewer\"");
        }
      }
      case MALFORMED, UNKNOWN, EXPIRED, REVOKED -> assertUnauthenticated(reply);
      case OTHER_USER -> assertThat(reply.status()).as(reply.toString()).isEqualTo(endpoint.otherStatus());
      case BLOCKED_USER -> {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(endpoint.blockedStatus());
        if (!endpoint.namesAUser()) {
          assertThat(reply.body()).doesNotContain(victim.id()).doesNotContain(victim.handle());
        } else {
          Reply missing = api.send(endpoint.method(), endpoint.pathFor(MISSING_ID, MISSING_HANDLE), token,
              endpoint.body());
          assertThat(BlocksTest.masked(reply, victim.id()).replace(victim.handle(), "<id>"))
              .as("the victim answers as a missing account")
              .isEqualTo(BlocksTest.masked(missing, MISSING_ID).replace(MISSING_HANDLE, "<id>"));
        }
      }
    }
    if (!(credential == Credential.OTHER_USER && endpoint.method().equals("PUT")
        && endpoint.path().startsWith("/v1/me/following/"))) {
      assertThat(snapshotOfVictim(blockedCaller)).as("the victim is unchanged").isEqualTo(before);
    }
  }

  private static void assertUnauthenticated(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("unauthenticated");
    assertThat(reply.header("www-authenticate")).startsWith("Bearer");
    assertThat(reply.body()).doesNotContain(victim.id()).doesNotContain(victim.handle());
  }

  /**
   * The victim's profile, counts and every list, read from the store. The blocks list, which holds the blocked
   * callers (whose own calls may delete them), is compared without the current one.
   */
  private static String snapshotOfVictim(String blockedCaller) {
    KithStore store = server.store();
    UserId id = UserId.parse("id", victim.id());
    StringBuilder snapshot = new StringBuilder();
    snapshot.append(store.user(id)).append(' ').append(store.counts(id)).append('\n');
    for (EdgeList list : EdgeList.values()) {
      List<Edge> edges = new ArrayList<>(store.edges(list, id, PageRequest.first(1_000)).edges());
      edges.removeIf(edge -> edge.other().toString().equals(blockedCaller));
      snapshot.append(list).append(' ').append(edges).append('\n');
    }
    snapshot.append(store.relationships(id, List.of(UserId.parse("id", MISSING_ID)), clock.instant()));
    return snapshot.toString();
  }
}
