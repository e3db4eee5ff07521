package io.kith.server.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.core.ErrorCode;
import io.kith.server.internal.http.Problem;
import io.kith.server.internal.json.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's OpenAPI 3.1 contract, served at {@code GET /openapi.json}. Built in code so that the shapes shared by
 * many routes (cards, pages, problems) are written once, and the problem codes come from {@link ErrorCode} itself.
 * Every object schema is closed ({@code additionalProperties: false}) and inlined (no {@code $ref}), so a client
 * or a test can validate an answer against one operation's schema alone. Tests compare its paths with the server's
 * route table and validate real answers against it (OpenApiContractTest, OpenApiResponsesTest).
 */
public final class OpenApiDocument {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String USER = "bearerUser";
  private static final String SERVICE = "bearerService";

  private final ObjectNode paths = Json.object();

  private OpenApiDocument() {}

  /** The whole document, as served. */
  public static ObjectNode build() {
    OpenApiDocument doc = new OpenApiDocument();
    doc.operations();
    ObjectNode root = Json.object();
    root.put("openapi", "3.1.0");
    root.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
    ObjectNode info = root.putObject("info");
    info.put("title", "Kith HTTP API");
    info.put("version", "v1");
    info.put("description", "Accounts, profiles and the follow graph as JSON over HTTP. Ids are 64-bit numbers sent "
        + "as strings of digits; times are ISO-8601 UTC. Every error is application/problem+json with a stable "
        + "`code` (see x-kith-problem-codes). Prose and examples: docs/api.md.");
    root.set("paths", doc.paths);
    ObjectNode components = root.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    ObjectNode user = schemes.putObject(USER);
    user.put("type", "http").put("scheme", "bearer").put("bearerFormat", "kith_<43 base64url characters>");
    user.put("description", "A user's session token, from POST /v1/accounts or POST /v1/sessions.");
    ObjectNode service = schemes.putObject(SERVICE);
    service.put("type", "http").put("scheme", "bearer");
    service.put("description", "A service token configured at start (--service-token), with the scope "
        + "followers:read or following:read; only the /ids routes accept one, and they accept nothing else.");
    ObjectNode schemas = components.putObject("schemas");
    schemas.set("Problem", problem());
    schemas.set("Card", card(false));
    ArrayNode codes = root.putArray("x-kith-problem-codes");
    for (ErrorCode code : ErrorCode.values()) {
      codes.addObject().put("code", code.wireName()).put("status", Problem.statusOf(code).code());
    }
    return root;
  }

  // ---- the operations, in the order of docs/api.md's endpoint table ----

  private void operations() {
    Op.post("/v1/accounts", "Sign up and get a first session").anonymous()
        .body(object(required("handle", handle(), "password", password()),
            optional("display_name", string(0, 64))))
        .answer(201, session()).problems(400, 409, 413, 415, 429, 503).rateLimited().add(paths);
    Op.post("/v1/sessions", "Log in: a new session").anonymous()
        .body(object(required("handle", string(1, 64), "password", password()), optional()))
        .answer(200, session()).problems(400, 401, 413, 415, 429, 503).rateLimited().add(paths);
    Op.delete("/v1/sessions/current", "Log out: revoke this token").user().noContent().problems(401).add(paths);
    Op.get("/v1/me", "The caller's own card, with `discoverable`").user().answer(200, ownCard()).problems(401)
        .add(paths);
    Op.patch("/v1/me", "Edit the caller's profile; only the fields sent change").user()
        .body(object(required(), optional("handle", handle(), "display_name", string(0, 64),
            "bio", string(0, 280), "avatar_url", nullable(string(0, 512)), "private", bool(),
            "lists_visibility", listsVisibility(), "discoverable", bool())))
        .answer(200, ownCard()).problems(400, 401, 409, 413, 415).add(paths);
    Op.delete("/v1/me", "Delete the caller's account, its edges and sessions").user().noContent().problems(401)
        .add(paths);
    Op.put("/v1/me/following/{id}", "Follow, or ask to follow a private account (idempotent)").user().id()
        .answer(200, object(required("state", enumOf("following", "requested")), optional()))
        .problems(400, 401, 403, 404, 429).rateLimited().add(paths);
    Op.delete("/v1/me/following/{id}", "Unfollow, or withdraw a follow request (idempotent)").user().id()
        .noContent().problems(400, 401, 404).add(paths);
    Op.delete("/v1/me/followers/{id}", "Remove a follower (idempotent)").user().id().noContent()
        .problems(400, 401, 404).add(paths);
    Op.get("/v1/me/follow-requests", "Follow requests waiting for the caller, newest first").user().paged(100, 50)
        .answer(200, page(cardWith("requested_at", time()))).problems(400, 401).add(paths);
    Op.get("/v1/me/follow-requests/outgoing", "The caller's own pending follow requests").user().paged(100, 50)
        .answer(200, page(cardWith("requested_at", time()))).problems(400, 401).add(paths);
    Op.post("/v1/me/follow-requests/{id}/accept", "Accept a pending request: they now follow the caller").user()
        .id().noContent().problems(400, 401, 404).add(paths);
    Op.post("/v1/me/follow-requests/{id}/reject", "Reject a pending request").user().id().noContent()
        .problems(400, 401, 404).add(paths);
    Op.get("/v1/me/blocks", "Accounts the caller blocks, newest first").user().paged(100, 50)
        .answer(200, page(cardWith("blocked_at", time()))).problems(400, 401).add(paths);
    Op.put("/v1/me/blocks/{id}", "Block (idempotent); removes follows and requests both ways").user().id()
        .answer(200, object(required("state", enumOf("blocking")), optional())).problems(400, 401, 404).add(paths);
    Op.delete("/v1/me/blocks/{id}", "Unblock (idempotent)").user().id().noContent().problems(400, 401, 404)
        .add(paths);
    Op.get("/v1/me/mutes", "Accounts the caller mutes, newest first").user().paged(100, 50)
        .answer(200, page(cardWith("muted_at", time(), "expires_at", nullable(time())))).problems(400, 401)
        .add(paths);
    Op.put("/v1/me/mutes/{id}", "Mute, for `duration_seconds` or (0, no body) until unmuted").user().id()
        .optionalBody(object(required(), optional("duration_seconds", integer(0, 315_360_000))))
        .answer(200, object(required("state", enumOf("muting"), "expires_at", nullable(time())), optional()))
        .problems(400, 401, 404, 413, 415).add(paths);
    Op.delete("/v1/me/mutes/{id}", "Unmute (idempotent)").user().id().noContent().problems(400, 401, 404)
        .add(paths);
    Op.get("/v1/users", "Up to 100 cards at once, in the order asked").optionalUser()
        .query("ids", true, idList(), "Comma-separated user ids, 1-100 (1-25 with include=known_followers)")
        .include().answer(200, object(required("items", array(card(true))), optional())).problems(400, 401)
        .add(paths);
    Op.get("/v1/users/by-handle/{handle}", "A user's card by handle").optionalUser()
        .path("handle", string(1, 64), "The handle, case-insensitive").include().answer(200, card(true))
        .problems(400, 401, 404).add(paths);
    Op.get("/v1/users/{id}", "A user's card").optionalUser().id().include().answer(200, card(true))
        .problems(400, 401, 404).add(paths);
    Op.get("/v1/users/{id}/followers", "A user's followers, newest first").optionalUser().id().paged(100, 50)
        .answer(200, page(cardWith("followed_at", time()))).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/users/{id}/following", "Accounts a user follows, newest first").optionalUser().id().paged(100, 50)
        .answer(200, page(cardWith("followed_at", time()))).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/users/{id}/friends", "A user's mutual follows, newest first").optionalUser().id().paged(100, 50)
        .answer(200, page(cardWith("since", time()))).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/users/{id}/known-followers", "Followers of {id} whom the caller follows").user().id().paged(100, 50)
        .answer(200, page(cardWith("followed_at", time()))).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/users/{id}/mutual-following", "Accounts both {id} and `with` follow").optionalUser().id()
        .query("with", true, id(), "The other user's id").paged(100, 50)
        .answer(200, page(cardWith("followed_at", time()))).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/me/follow-back", "The caller's followers it does not follow back").user().paged(100, 50)
        .answer(200, page(cardWith("followed_at", time()))).problems(400, 401).add(paths);
    Op.get("/v1/me/suggestions", "Accounts to follow, best first (one page, no cursor)").user()
        .query("limit", false, integer(1, 50).put("default", 20), "How many, 1-50")
        .answer(200, object(required("items", array(cardWith("reason", reason()))), optional()))
        .problems(400, 401).add(paths);
    Op.delete("/v1/me/suggestions/{id}", "Never suggest this account again (idempotent)").user().id().noContent()
        .problems(400, 401, 404).add(paths);
    Op.get("/v1/users/{id}/followers/ids", "Follower ids for fan-out (service token, followers:read)").service()
        .id().paged(5000, 1000).answer(200, idsPage()).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/users/{id}/following/ids", "Followed ids (service token, following:read)").service()
        .id().paged(5000, 1000).answer(200, idsPage()).problems(400, 401, 403, 404).add(paths);
    Op.get("/v1/relationships", "How the caller stands with up to 100 users").user()
        .query("ids", true, idList(), "Comma-separated user ids, 1-100")
        .answer(200, object(required("items", array(relationship())), optional())).problems(400, 401).add(paths);
    Op.get("/health", "200 while the store is healthy, else 503").anonymous()
        .answer(200, object(required("status", enumOf("ok")), optional())).problems(503).add(paths);
    Op.get("/metrics", "Prometheus metrics").anonymous().text(200, "text/plain").add(paths);
    Op.get("/openapi.json", "This document").anonymous().text(200, "application/json").add(paths);
    Op.get("/docs", "This document as a page to read").anonymous().text(200, "text/html").add(paths);
  }

  // ---- shapes ----

  private static ObjectNode session() {
    return object(required("user", card(false), "token", string(1, 128), "expires_at", time()), optional());
  }

  /** A user card; {@code viewer} (how the caller stands with the user) only with a token. */
  static ObjectNode card(boolean mayHaveViewer) {
    return object(cardFields(), mayHaveViewer ? optional("viewer", viewer()) : optional());
  }

  private static ObjectNode ownCard() {
    Map<String, ObjectNode> fields = cardFields();
    fields.put("discoverable", bool());
    return object(fields, optional());
  }

  /** A card in a list, with the list's own fields (when the relation began...). */
  private static ObjectNode cardWith(Object... extra) {
    Map<String, ObjectNode> fields = cardFields();
    fields.putAll(required(extra));
    return object(fields, optional("viewer", viewer()));
  }

  private static Map<String, ObjectNode> cardFields() {
    return required("id", id(), "handle", handle(), "display_name", string(0, 64), "bio", string(0, 280),
        "avatar_url", nullable(string(0, 512)), "private", bool(), "lists_visibility", listsVisibility(),
        "created_at", time(), "counts", object(required("followers", count(), "following", count(),
            "friends", count()), optional()));
  }

  private static Map<String, ObjectNode> relationFields() {
    return required("following", bool(), "followed_by", bool(), "friend", bool(), "requested", bool(),
        "requested_by", bool(), "blocking", bool(), "blocked_by", bool(), "muting", bool(),
        "muting_expires_at", nullable(time()));
  }

  private static ObjectNode viewer() {
    // Sample cards carry the caller's relation to each sampled user, never a summary of their own.
    ObjectNode sampleCard = object(cardFields(), optional("viewer", object(relationFields(), optional())));
    ObjectNode knownFollowers = object(required("count", count(), "sample", array(sampleCard)), optional());
    return object(relationFields(), optional("known_followers", knownFollowers));
  }

  private static ObjectNode relationship() {
    Map<String, ObjectNode> fields = required("id", id());
    fields.putAll(relationFields());
    return object(fields, optional());
  }

  private static ObjectNode reason() {
    ArrayNode oneOf = Json.array();
    oneOf.add(object(required("type", enumOf("followed_by"), "count", count(), "sample", array(id())), optional()));
    oneOf.add(object(required("type", enumOf("follows_you")), optional()));
    oneOf.add(object(required("type", enumOf("popular")), optional()));
    ObjectNode schema = Json.object();
    schema.set("oneOf", oneOf);
    return schema;
  }

  private static ObjectNode page(ObjectNode item) {
    return object(required("items", array(item), "next_cursor", nullable(string(1, 1024))), optional());
  }

  private static ObjectNode idsPage() {
    return object(required("ids", array(id()), "next_cursor", nullable(string(1, 1024))), optional());
  }

  static ObjectNode problem() {
    ArrayNode codes = Json.array();
    Arrays.stream(ErrorCode.values()).forEach(code -> codes.add(code.wireName()));
    ObjectNode code = Json.object().put("type", "string");
    code.set("enum", codes);
    ObjectNode schema = object(
        required("type", string(1, 128).put("pattern", "^urn:kith:problem:[a-z_]+$"), "title", string(0, 128),
            "status", integer(400, 599), "detail", string(0, 4096), "code", code, "request_id", string(1, 64)),
        optional("field", string(1, 128)));
    schema.put("description", "RFC 9457 problem details; match on `code`, never on `detail`. `field` names the "
        + "body field, path segment or query parameter at fault. Statuses per code: x-kith-problem-codes.");
    return schema;
  }

  // ---- JSON Schema helpers ----

  static ObjectNode id() {
    return Json.object().put("type", "string").put("pattern", "^[0-9]{1,19}$")
        .put("description", "A 64-bit user id as a string of ASCII digits");
  }

  private static ObjectNode idList() {
    return Json.object().put("type", "string").put("pattern", "^[0-9]{1,19}(,[0-9]{1,19})*$");
  }

  private static ObjectNode handle() {
    return string(2, 24).put("pattern", "^[A-Za-z0-9._]+$");
  }

  private static ObjectNode password() {
    return string(8, 128);
  }

  private static ObjectNode listsVisibility() {
    return enumOf("everyone", "followers", "friends", "only_me");
  }

  private static ObjectNode time() {
    return Json.object().put("type", "string").put("format", "date-time");
  }

  private static ObjectNode count() {
    return Json.object().put("type", "integer").put("minimum", 0);
  }

  private static ObjectNode bool() {
    return Json.object().put("type", "boolean");
  }

  static ObjectNode string(int min, int max) {
    return Json.object().put("type", "string").put("minLength", min).put("maxLength", max);
  }

  static ObjectNode integer(long min, long max) {
    return Json.object().put("type", "integer").put("minimum", min).put("maximum", max);
  }

  private static ObjectNode enumOf(String... values) {
    ObjectNode schema = Json.object().put("type", "string");
    ArrayNode list = schema.putArray("enum");
    Arrays.stream(values).forEach(list::add);
    return schema;
  }

  private static ObjectNode nullable(ObjectNode schema) {
    ArrayNode types = Json.array().add(schema.get("type").asText()).add("null");
    schema.set("type", types);
    return schema;
  }

  private static ObjectNode array(JsonNode items) {
    ObjectNode schema = Json.object().put("type", "array");
    schema.set("items", items);
    return schema;
  }

  /** name, schema, name, schema... */
  private static Map<String, ObjectNode> required(Object... pairs) {
    Map<String, ObjectNode> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (ObjectNode) pairs[i + 1]);
    }
    return fields;
  }

  private static Map<String, ObjectNode> optional(Object... pairs) {
    return required(pairs);
  }

  /** A closed object: a field the document lacks is a violation. */
  static ObjectNode object(Map<String, ObjectNode> required, Map<String, ObjectNode> optional) {
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    required.forEach((name, s) -> properties.set(name, s.deepCopy()));
    optional.forEach((name, s) -> properties.set(name, s.deepCopy()));
    ArrayNode names = schema.putArray("required");
    required.keySet().forEach(names::add);
    schema.put("additionalProperties", false);
    return schema;
  }
}
