package io.kith.server.internal.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpStatus;
import io.kith.core.ErrorCode;
import io.kith.server.internal.http.Problem;
import io.kith.server.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** One operation of {@link OpenApiDocument}, built fluently so that each route reads as one statement. */
final class Op {
  private final String method;
  private final String path;
  private final ObjectNode operation = Json.object();
  private final ArrayNode parameters = Json.array();
  private final ObjectNode responses = Json.object();
  private final TreeSet<Integer> problems = new TreeSet<>();
  private boolean rateLimited;

  private Op(String method, String path, String summary) {
    this.method = method;
    this.path = path;
    operation.put("operationId", method + path.replaceAll("[^A-Za-z0-9]+", "_"));
    operation.put("summary", summary);
  }

  static Op get(String path, String summary) {
    return new Op("get", path, summary);
  }

  static Op post(String path, String summary) {
    return new Op("post", path, summary);
  }

  static Op put(String path, String summary) {
    return new Op("put", path, summary);
  }

  static Op patch(String path, String summary) {
    return new Op("patch", path, summary);
  }

  static Op delete(String path, String summary) {
    return new Op("delete", path, summary);
  }

  Op anonymous() {
    operation.putArray("security");
    return this;
  }

  Op user() {
    operation.putArray("security").addObject().putArray("bearerUser");
    return this;
  }

  /** Anonymous callers get the public view; a header that is present and not valid is still a 401. */
  Op optionalUser() {
    ArrayNode security = operation.putArray("security");
    security.addObject();
    security.addObject().putArray("bearerUser");
    return this;
  }

  Op service() {
    operation.putArray("security").addObject().putArray("bearerService");
    return this;
  }

  Op id() {
    return path("id", OpenApiDocument.id(), "A user id");
  }

  Op path(String name, ObjectNode schema, String description) {
    ObjectNode p = parameters.addObject().put("name", name).put("in", "path").put("required", true);
    p.put("description", description);
    p.set("schema", schema);
    return this;
  }

  Op query(String name, boolean required, ObjectNode schema, String description) {
    ObjectNode p = parameters.addObject().put("name", name).put("in", "query").put("required", required);
    p.put("description", description);
    p.set("schema", schema);
    return this;
  }

  /** {@code limit} (1..max) and the opaque keyset {@code cursor} of a previous page's {@code next_cursor}. */
  Op paged(int max, int byDefault) {
    query("limit", false, OpenApiDocument.integer(1, max).put("default", byDefault),
        "Page size, 1-" + max + " in ASCII digits");
    return query("cursor", false, OpenApiDocument.string(1, 1024),
        "The `next_cursor` of the previous page of the same list");
  }

  Op include() {
    ObjectNode schema = Json.object().put("type", "string");
    schema.putArray("enum").add("known_followers");
    return query("include", false, schema, "`known_followers`: add viewer.known_followers (needs a token)");
  }

  Op body(ObjectNode schema) {
    return body(schema, true);
  }

  Op optionalBody(ObjectNode schema) {
    return body(schema, false);
  }

  private Op body(ObjectNode schema, boolean required) {
    ObjectNode body = operation.putObject("requestBody").put("required", required);
    body.put("description", "application/json in UTF-8, at most 64 KiB; unknown fields, duplicate keys and "
        + "wrong types are a 400 naming the field");
    body.putObject("content").putObject("application/json").set("schema", schema);
    return this;
  }

  Op answer(int status, ObjectNode schema) {
    ObjectNode response = responses.putObject(Integer.toString(status));
    response.put("description", HttpStatus.valueOf(status).reasonPhrase());
    response.putObject("content").putObject("application/json").set("schema", schema);
    return this;
  }

  Op text(int status, String mediaType) {
    ObjectNode response = responses.putObject(Integer.toString(status));
    response.put("description", HttpStatus.valueOf(status).reasonPhrase());
    response.putObject("content").putObject(mediaType).putObject("schema").put("type", "string");
    return this;
  }

  Op noContent() {
    responses.putObject("204").put("description", "Done (also when there was nothing to do)");
    return this;
  }

  Op problems(int... statuses) {
    for (int status : statuses) {
      problems.add(status);
    }
    return this;
  }

  /** Answers carry RateLimit-Limit, -Remaining and -Reset (docs/api.md, "Limits"). */
  Op rateLimited() {
    rateLimited = true;
    return this;
  }

  void add(ObjectNode paths) {
    if (!parameters.isEmpty()) {
      operation.set("parameters", parameters);
    }
    // Any route may also answer 405, 413-415, 431, 500 or 503 from the HTTP layer: the default response.
    for (int status : problems) {
      ObjectNode response = responses.putObject(Integer.toString(status));
      response.put("description", describe(status));
      if (status == 429) {
        response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait")
            .putObject("schema").put("type", "integer");
      }
      response.putObject("content").putObject("application/problem+json").set("schema", OpenApiDocument.problem());
    }
    ObjectNode fallback = responses.putObject("default");
    fallback.put("description", "Any other refusal: a problem document (see x-kith-problem-codes)");
    fallback.putObject("content").putObject("application/problem+json").set("schema", OpenApiDocument.problem());
    if (rateLimited) {
      for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
        responses.fields().forEachRemaining(entry -> {
          if (entry.getKey().startsWith("2") || entry.getKey().equals("429")) {
            ObjectNode headers = entry.getValue().has("headers")
                ? (ObjectNode) entry.getValue().get("headers") : ((ObjectNode) entry.getValue()).putObject("headers");
            headers.putObject(name).put("description", "IETF draft RateLimit header (docs/api.md, Limits)")
                .putObject("schema").put("type", "integer");
          }
        });
      }
    }
    operation.set("responses", responses);
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    item.set(method.toLowerCase(Locale.ROOT), operation);
  }

  /** "Bad Request: invalid_argument" — the codes that come with the status. */
  private static String describe(int status) {
    List<String> codes = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      if (Problem.statusOf(code).code() == status) {
        codes.add(code.wireName());
      }
    }
    return HttpStatus.valueOf(status).reasonPhrase() + ": " + String.join(", ", codes);
  }
}
