package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.internal.json.Json;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives a real scenario and validates every answer against the schema {@code /openapi.json} gives for its route
 * and status. The schemas are closed, so a field the document lacks fails as surely as a missing one.
 */
class OpenApiResponsesTest {
  private static final String FANOUT = "openapi-fanout-token";

  @RegisterExtension
  static final KithServerExtension kith = new KithServerExtension(Clock.systemUTC(),
      builder -> builder.serviceToken("fanout:followers:read,following:read:" + ServiceTokens.sha256Hex(FANOUT)));

  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Set<String> CHECKED = new HashSet<>();
  private static JsonNode document;

  /** Sends the request, finds the documented answer for {@code template} and its status, validates the body. */
  private static Reply check(String method, String template, String path, String token, String body) {
    if (document == null) {
      document = kith.api().get("/openapi.json").json();
    }
    Reply reply = kith.api().send(method, path, token, body);
    JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (body != null && reply.status() < 300) {
      // What the server accepted, the document must accept too.
      JsonNode bodySchema = operation.at("/requestBody/content/application~1json/schema");
      assertThat(bodySchema.isObject()).as("%s %s documents a body", method, template).isTrue();
      assertThat(SCHEMAS.getSchema(bodySchema).validate(parse(body)))
          .as("request body of %s %s: %s", method, template, body).isEmpty();
    }
    if (reply.status() == 405 && operation.isMissingNode()) {
      // A method the route lacks: the HTTP layer's refusal, the document's Problem.
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(SCHEMAS.getSchema(document.at("/components/schemas/Problem")).validate(reply.json())).isEmpty();
      return reply;
    }
    assertThat(operation.isObject()).as("%s %s is documented", method, template).isTrue();
    JsonNode responses = operation.get("responses");
    String status = Integer.toString(reply.status());
    JsonNode response = responses.has(status) ? responses.get(status) : responses.get("default");
    assertThat(response).as("%s %s documents %s (%s)", method, template, status, reply).isNotNull();
    if (reply.status() == 204) {
      assertThat(response.has("content")).as("%s %s 204 has no body", method, template).isFalse();
      CHECKED.add(method + " " + template + " " + status);
      return reply;
    }
    String mediaType = reply.contentType().split(";")[0].trim();
    JsonNode schemaNode = response.path("content").path(mediaType).path("schema");
    assertThat(schemaNode.isObject()).as("%s %s %s documents %s: %s", method, template, status, mediaType, reply)
        .isTrue();
    CHECKED.add(method + " " + template + " " + status);
    if (!mediaType.endsWith("json")) {
      return reply; // /metrics: Prometheus text, documented as a string
    }
    Schema schema = SCHEMAS.getSchema(schemaNode);
    List<Error> errors = schema.validate(reply.json());
    assertThat(errors).as("%s %s -> %s: %s", method, template, status, reply.body()).isEmpty();
    CHECKED.add(method + " " + template + " " + status);
    return reply;
  }

  private static JsonNode parse(String body) {
    try {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply check(String method, String template, String path, String token) {
    return check(method, template, path, token, null);
  }

  private static Account signUp(String prefix) {
    String handle = TestApi.newHandle(prefix);
    Reply reply = check("POST", "/v1/accounts", "/v1/accounts", null,
        json(fields("handle", handle, "password", TestApi.PASSWORD, "display_name", "Name of " + prefix)));
    assertThat(reply.status()).isEqualTo(201);
    return new Account(reply.json().at("/user/id").asText(), handle, reply.json().get("token").asText(),
        TestApi.PASSWORD);
  }

  @Test
  void everyAnswerOfARealScenarioMatchesItsSchema() {
    Account alice = signUp("alice");
    Account bob = signUp("bob");
    Account carol = signUp("carol");
    Account dave = signUp("dave");
    check("POST", "/v1/sessions", "/v1/sessions", null,
        json(fields("handle", alice.handle(), "password", TestApi.PASSWORD)));
    check("GET", "/v1/me", "/v1/me", alice.token());
    check("PATCH", "/v1/me", "/v1/me", alice.token(),
        json(fields("bio", "hello", "avatar_url", "https://img.example/a.png", "lists_visibility", "everyone")));

    // Follows: alice <-> bob are friends; carol follows bob; alice follows carol.
    assertThat(check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + bob.id(), alice.token()).status())
        .isEqualTo(200);
    check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + alice.id(), bob.token());
    check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + bob.id(), carol.token());
    check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + carol.id(), alice.token());

    // Cards, anonymous and with a viewer and its known-followers summary; batches; by handle.
    check("GET", "/v1/users/{id}", "/v1/users/" + bob.id(), null);
    Reply card = check("GET", "/v1/users/{id}", "/v1/users/" + bob.id() + "?include=known_followers", alice.token());
    assertThat(card.json().at("/viewer/known_followers/count").asLong()).isEqualTo(1);
    check("GET", "/v1/users/by-handle/{handle}", "/v1/users/by-handle/" + bob.handle(), alice.token());
    check("GET", "/v1/users", "/v1/users?ids=" + bob.id() + "," + carol.id() + "&include=known_followers",
        alice.token());

    // Lists.
    for (String list : List.of("followers", "following", "friends")) {
      Reply page = check("GET", "/v1/users/{id}/" + list, "/v1/users/" + bob.id() + "/" + list + "?limit=1",
          alice.token());
      assertThat(page.json().get("items")).isNotEmpty();
      check("GET", "/v1/users/{id}/" + list, "/v1/users/" + bob.id() + "/" + list, null);
    }
    check("GET", "/v1/users/{id}/known-followers", "/v1/users/" + bob.id() + "/known-followers", alice.token());
    check("GET", "/v1/users/{id}/mutual-following",
        "/v1/users/" + alice.id() + "/mutual-following?with=" + carol.id(), alice.token());
    check("GET", "/v1/me/follow-back", "/v1/me/follow-back", carol.token());
    check("GET", "/v1/relationships", "/v1/relationships?ids=" + bob.id() + "," + carol.id(), alice.token());

    // Requests to a private account: listed both ways, accepted and rejected.
    check("PATCH", "/v1/me", "/v1/me", dave.token(), json(fields("private", true)));
    assertThat(check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + dave.id(), alice.token())
        .json().get("state").asText()).isEqualTo("requested");
    check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + dave.id(), bob.token());
    Reply requests = check("GET", "/v1/me/follow-requests", "/v1/me/follow-requests", dave.token());
    assertThat(requests.json().get("items")).hasSize(2);
    check("GET", "/v1/me/follow-requests/outgoing", "/v1/me/follow-requests/outgoing", alice.token());
    check("POST", "/v1/me/follow-requests/{id}/accept",
        "/v1/me/follow-requests/" + alice.id() + "/accept", dave.token());
    check("POST", "/v1/me/follow-requests/{id}/reject", "/v1/me/follow-requests/" + bob.id() + "/reject",
        dave.token());

    // Blocks and mutes.
    check("PUT", "/v1/me/blocks/{id}", "/v1/me/blocks/" + carol.id(), dave.token());
    check("GET", "/v1/me/blocks", "/v1/me/blocks", dave.token());
    check("PUT", "/v1/me/mutes/{id}", "/v1/me/mutes/" + bob.id(), dave.token(),
        json(fields("duration_seconds", 3600)));
    check("PUT", "/v1/me/mutes/{id}", "/v1/me/mutes/" + alice.id(), dave.token());
    check("GET", "/v1/me/mutes", "/v1/me/mutes", dave.token());
    check("GET", "/v1/relationships", "/v1/relationships?ids=" + bob.id() + "," + carol.id(), dave.token());

    // Suggestions: carol follows bob, who follows alice; plus the popular fallback.
    kith.server().refreshPopularAccounts();
    Reply suggestions = check("GET", "/v1/me/suggestions", "/v1/me/suggestions", carol.token());
    assertThat(suggestions.json().get("items")).isNotEmpty();
    check("DELETE", "/v1/me/suggestions/{id}", "/v1/me/suggestions/" + alice.id(), carol.token());

    // Id streams for services.
    check("GET", "/v1/users/{id}/followers/ids", "/v1/users/" + bob.id() + "/followers/ids", FANOUT);
    check("GET", "/v1/users/{id}/following/ids", "/v1/users/" + bob.id() + "/following/ids?limit=1", FANOUT);

    // Problems.
    assertThat(check("GET", "/v1/users/{id}", "/v1/users/abc", null).status()).isEqualTo(400);
    assertThat(check("GET", "/v1/me", "/v1/me", null).status()).isEqualTo(401);
    assertThat(check("GET", "/v1/users/{id}/followers", "/v1/users/" + dave.id() + "/followers", carol.token())
        .status()).isEqualTo(404);
    assertThat(check("GET", "/v1/users/{id}/followers", "/v1/users/" + dave.id() + "/followers", null).status())
        .isEqualTo(403);
    assertThat(check("PATCH", "/v1/me", "/v1/me", alice.token(), json(fields("nickname", "al"))).status())
        .isEqualTo(400);
    assertThat(check("POST", "/v1/accounts", "/v1/accounts", null,
        json(fields("handle", bob.handle(), "password", TestApi.PASSWORD))).status()).isEqualTo(409);
    assertThat(check("PUT", "/v1/me/following/{id}", "/v1/me/following/" + carol.id(), dave.token()).status())
        .isEqualTo(403);
    assertThat(check("POST", "/v1/me", "/v1/me", alice.token(), "{}").status()).isEqualTo(405);
    assertThat(check("GET", "/v1/users/{id}/followers/ids", "/v1/users/" + bob.id() + "/followers/ids",
        alice.token()).status()).isEqualTo(403);

    // The rest.
    check("GET", "/health", "/health", null);
    check("GET", "/metrics", "/metrics", null);
    check("DELETE", "/v1/me/blocks/{id}", "/v1/me/blocks/" + carol.id(), dave.token());
    check("DELETE", "/v1/me/mutes/{id}", "/v1/me/mutes/" + bob.id(), dave.token());
    check("DELETE", "/v1/me/followers/{id}", "/v1/me/followers/" + carol.id(), alice.token());
    check("DELETE", "/v1/me/following/{id}", "/v1/me/following/" + bob.id(), carol.token());
    check("DELETE", "/v1/sessions/current", "/v1/sessions/current", bob.token());
    check("DELETE", "/v1/me", "/v1/me", carol.token());
  }

  /** The fields each body takes, as the server names them when refusing an unknown one, are the document's. */
  @Test
  void everyBodyDocumentsExactlyTheFieldsTheServerTakes() {
    Account erin = kith.api().signUp();
    Pattern expected = Pattern.compile("expected one of: ([a-z_, ]+)\\)");
    List<String[]> bodies = List.of(
        new String[] {"POST", "/v1/accounts", "/v1/accounts", null},
        new String[] {"POST", "/v1/sessions", "/v1/sessions", null},
        new String[] {"PATCH", "/v1/me", "/v1/me", erin.token()},
        new String[] {"PUT", "/v1/me/mutes/{id}", "/v1/me/mutes/" + kith.api().signUp().id(), erin.token()});
    for (String[] route : bodies) {
      Reply refused = check(route[0], route[1], route[2], route[3], json(fields("zz_not_a_field", 1)));
      assertThat(refused.status()).as("%s", refused).isEqualTo(400);
      assertThat(refused.field()).isEqualTo("zz_not_a_field");
      Matcher m = expected.matcher(refused.json().get("detail").asText());
      assertThat(m.find()).as(refused.json().get("detail").asText()).isTrue();
      List<String> documented = new ArrayList<>();
      document.at("/paths/" + route[1].replace("/", "~1") + "/" + route[0].toLowerCase(Locale.ROOT)
          + "/requestBody/content/application~1json/schema/properties").fieldNames().forEachRemaining(documented::add);
      assertThat(documented).as("%s %s body fields", route[0], route[1])
          .containsExactlyInAnyOrder(m.group(1).split(", "));
    }
  }

  @AfterAll
  static void everyRouteWasExercised() {
    Set<String> routes = new HashSet<>();
    CHECKED.forEach(c -> routes.add(c.substring(0, c.lastIndexOf(' '))));
    Set<String> missing = new HashSet<>(kith.server().routes());
    missing.removeAll(routes);
    missing.removeAll(Set.of("GET /openapi.json", "GET /docs")); // not JSON answers of the API; see the contract test
    assertThat(missing).as("routes the scenario did not exercise").isEmpty();
  }
}
