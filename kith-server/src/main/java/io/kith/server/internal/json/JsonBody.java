package io.kith.server.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.TextRules;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A request body that must be one JSON object with only the fields an endpoint knows. Each accessor checks the
 * field's type and reports mistakes against the field's name, so a client learns exactly what to fix.
 */
public final class JsonBody {
  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  public static JsonBody parse(byte[] content, Set<String> allowedFields) {
    if (content.length == 0) {
      throw KithException.of(ErrorCode.INVALID_ARGUMENT, "request body is required: a JSON object");
    }
    JsonNode root;
    try {
      root = Json.parse(content);
    } catch (JsonProcessingException e) {
      // The parser's own message may echo input back; a short location is all the client needs.
      throw KithException.of(ErrorCode.INVALID_ARGUMENT, "request body is not valid JSON"
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw KithException.of(ErrorCode.INVALID_ARGUMENT, "request body must be a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TextRules.isWellFormed(name)) {
        throw KithException.of(ErrorCode.INVALID_ARGUMENT, "a field name is not valid Unicode text");
      }
      if (!allowedFields.contains(name)) {
        throw KithException.invalid(name, "unknown field '" + name + "' (expected one of: "
            + String.join(", ", allowedFields.stream().sorted().toList()) + ")");
      }
    }
    // Every string anywhere in the body, whether or not the endpoint reads it, must be text.
    root.fields().forEachRemaining(field -> requireWellFormed(field.getKey(), field.getValue()));
    return new JsonBody(root);
  }

  private static void requireWellFormed(String field, JsonNode node) {
    if (node.isTextual()) {
      TextRules.requireWellFormed(field, node.textValue());
    }
    for (JsonNode child : node) {
      requireWellFormed(field, child);
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!TextRules.isWellFormed(name)) {
        throw KithException.invalid(field, field + " has a member name that is not valid Unicode text");
      }
    });
  }

  public boolean has(String field) {
    return root.has(field);
  }

  public String requiredString(String field) {
    return string(field).orElseThrow(() -> KithException.invalid(field, field + " is required"));
  }

  /** Absent stays empty; present must be a string (null is a type error here). */
  public Optional<String> string(String field) {
    JsonNode node = root.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (node.getNodeType() != JsonNodeType.STRING) {
      throw KithException.invalid(field, field + " must be a string");
    }
    return Optional.of(node.textValue());
  }

  /** For fields where null means "remove": absent is empty, null is present-and-empty. */
  public Optional<Optional<String>> nullableString(String field) {
    JsonNode node = root.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNull()) {
      return Optional.of(Optional.empty());
    }
    if (node.getNodeType() != JsonNodeType.STRING) {
      throw KithException.invalid(field, field + " must be a string or null");
    }
    return Optional.of(Optional.of(node.textValue()));
  }

  /** Absent stays empty; present must be a whole number that fits in 64 bits (no fraction, no string). */
  public Optional<Long> integer(String field) {
    JsonNode node = root.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw KithException.invalid(field, field + " must be a whole number");
    }
    return Optional.of(node.longValue());
  }

  public Optional<Boolean> bool(String field) {
    JsonNode node = root.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw KithException.invalid(field, field + " must be true or false");
    }
    return Optional.of(node.booleanValue());
  }
}
