package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.core.ErrorCode;
import io.kith.server.internal.http.Problem;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /openapi.json} describes exactly the routes the server has, and {@code /docs} lists them. */
class OpenApiContractTest {
  @RegisterExtension
  static final KithServerExtension kith = new KithServerExtension();

  private static JsonNode document() {
    Reply reply = kith.api().get("/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  private static List<String> documentedRoutes(JsonNode document) {
    List<String> routes = new ArrayList<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    routes.sort(null);
    return routes;
  }

  @Test
  void theDocumentHasEveryRouteTheServerHasAndNoOther() {
    List<String> served = kith.server().routes();
    assertThat(served).contains("GET /v1/users/{id}", "PATCH /v1/me", "GET /openapi.json", "GET /docs");
    assertThat(documentedRoutes(document())).containsExactlyElementsOf(served);
  }

  @Test
  void everyProblemCodeIsDocumentedWithItsStatus() {
    JsonNode document = document();
    Map<String, Integer> documented = new HashMap<>();
    document.get("x-kith-problem-codes").forEach(c -> documented.put(c.get("code").asText(), c.get("status").asInt()));
    Map<String, Integer> actual = new HashMap<>();
    for (ErrorCode code : ErrorCode.values()) {
      actual.put(code.wireName(), Problem.statusOf(code).code());
    }
    assertThat(documented).isEqualTo(actual);
    List<String> inSchema = new ArrayList<>();
    document.at("/components/schemas/Problem/properties/code/enum").forEach(c -> inSchema.add(c.asText()));
    assertThat(inSchema).containsExactlyInAnyOrderElementsOf(actual.keySet());
  }

  @Test
  void itIsOpenApi31WithBearerSchemesAndDigitIdsEverywhere() {
    JsonNode document = document();
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.at("/components/securitySchemes/bearerUser/scheme").asText()).isEqualTo("bearer");
    assertThat(document.at("/components/securitySchemes/bearerService/scheme").asText()).isEqualTo("bearer");
    // Each path parameter is declared by every operation of its path; ids are strings of digits.
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      List<String> declared = new ArrayList<>();
      op.getValue().path("parameters").forEach(p -> {
        if (p.get("in").asText().equals("path")) {
          declared.add(p.get("name").asText());
          if (p.get("name").asText().equals("id")) {
            assertThat(p.at("/schema/type").asText()).isEqualTo("string");
            assertThat(p.at("/schema/pattern").asText()).isEqualTo("^[0-9]{1,19}$");
          }
        }
      });
      List<String> inTemplate = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(path.getKey());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      assertThat(declared).as(op.getKey() + " " + path.getKey()).containsExactlyInAnyOrderElementsOf(inTemplate);
      assertThat(op.getValue().has("security")).as(op.getKey() + " " + path.getKey()).isTrue();
    }));
    assertThat(document.at("/paths/~1v1~1users~1{id}~1followers~1ids/get/security/0/bearerService").isArray())
        .isTrue();
  }

  @Test
  void docsPageListsEveryRouteWithoutScripts() {
    Reply reply = kith.api().get("/docs");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/html");
    for (String route : kith.server().routes()) {
      assertThat(reply.body()).as(route).contains("<h2 id=\"" + route.split(" ")[0].toLowerCase(Locale.ROOT)
          + route.split(" ")[1].replaceAll("[^A-Za-z0-9]+", "_") + "\">" + route + "</h2>");
    }
    assertThat(reply.body()).doesNotContain("<script");
  }
}
