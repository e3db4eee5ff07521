package io.kith.server.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.TextRules;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a request body into its record, by {@link Json}'s strict rules, and turns whatever those rules refuse into
 * a problem that says what to fix: malformed JSON (with a line and column, never the input echoed back), a body that
 * is not an object, an unknown field (listing the known ones), a value of the wrong type or text that is not
 * Unicode (naming the field). When a body breaks several rules, the first one met reading it front to back is
 * reported.
 */
public final class JsonBodies {
  /** What each body record's fields must be, by JSON name: "a string", "true or false"... */
  private static final ClassValue<Map<String, String>> EXPECTED = new ClassValue<>() {
    @Override
    protected Map<String, String> computeValue(Class<?> type) {
      BeanDescription description = Json.mapper().getDeserializationConfig()
          .introspect(Json.mapper().constructType(type));
      Map<String, String> expected = new HashMap<>();
      for (BeanPropertyDefinition property : description.findProperties()) {
        expected.put(property.getName(), expectation(property.getRawPrimaryType()));
      }
      return Map.copyOf(expected);
    }
  };

  private JsonBodies() {}

  /** The body as a {@code type}; 400 if there is none or it breaks a rule. */
  public static <T> T read(byte[] content, Class<T> type) {
    if (content.length == 0) {
      throw KithException.of(ErrorCode.INVALID_ARGUMENT, "request body is required: a JSON object");
    }
    requireObject(content);
    try {
      return Objects.requireNonNull(Json.mapper().readValue(content, type));
    } catch (UnrecognizedPropertyException e) {
      throw unknownField(e);
    } catch (JsonProcessingException e) {
      throw refusal(e, type);
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array never fails on I/O", e);
    }
  }

  /** Fails (at start, not on a client's first mistake) unless every field of {@code type} is one it can read. */
  public static void requireReadable(Class<?> type) {
    EXPECTED.get(type);
  }

  /** {@code value}, or 400 naming {@code field} as required if the body left it out. */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw KithException.invalid(field, field + " is required");
    }
    return value;
  }

  /** A body that is valid JSON but not an object is refused as such; one that is not even JSON, as malformed. */
  private static void requireObject(byte[] content) {
    try (JsonParser parser = Json.mapper().createParser(content)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        return;
      }
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation());
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array never fails on I/O", e);
    }
    try {
      Json.parse(content);
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation());
    }
    throw KithException.of(ErrorCode.INVALID_ARGUMENT, "request body must be a JSON object");
  }

  private static KithException unknownField(UnrecognizedPropertyException e) {
    String name = e.getPropertyName();
    if (!TextRules.isWellFormed(name)) {
      return KithException.of(ErrorCode.INVALID_ARGUMENT, "a field name is not valid Unicode text");
    }
    List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    return KithException.invalid(name, "unknown field '" + name + "' (expected one of: "
        + String.join(", ", known) + ")");
  }

  private static RuntimeException refusal(JsonProcessingException e, Class<?> type) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof KithException kith) {
      return kith; // a rule of our own, such as well-formed text, already named its field
    }
    if (cause instanceof JsonParseException parse) {
      return malformed(parse.getLocation());
    }
    List<JsonMappingException.Reference> path =
        e instanceof JsonMappingException mapping ? mapping.getPath() : List.of();
    String field = path.isEmpty() ? null : path.getFirst().getFieldName();
    String expected = field == null ? null : EXPECTED.get(type).get(field);
    if (expected == null) {
      // Nothing but tokens after the object can fail outside a field.
      return malformed(e.getLocation());
    }
    return KithException.invalid(field, field + " must be " + expected);
  }

  /** The parser's own message may echo input back; a short location is all the client needs. */
  private static KithException malformed(JsonLocation location) {
    return KithException.of(ErrorCode.INVALID_ARGUMENT, "request body is not valid JSON"
        + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
  }

  private static String expectation(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == NullableField.class) {
      return "a string or null";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == Long.class) {
      return "a whole number";
    }
    throw new IllegalArgumentException("a request body field of type " + type.getName()
        + " (expected: String, NullableField<String>, Boolean or Long, boxed so that a field left out is null)");
  }
}
