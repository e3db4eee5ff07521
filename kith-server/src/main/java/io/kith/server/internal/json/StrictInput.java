package io.kith.server.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.kith.core.KithException;
import io.kith.core.TextRules;
import java.io.IOException;

/**
 * The input rules every request body is read with, besides duplicate keys, trailing tokens and unknown fields
 * (mapper features): a value is of its field's type or refused, never coerced (no {@code "60"} for 60, no 1.5 for
 * 1, no 0 for false, no number for a string); null is refused except where a field is a {@link NullableField};
 * every string is well-formed Unicode, or refused naming the field it is in. Body fields are therefore
 * {@code String}, {@code Boolean}, {@code Long} or {@link NullableField}: boxed, so that a field left out is null.
 */
final class StrictInput {
  /** Every shape a scalar could be coerced from. */
  private static final CoercionInputShape[] SHAPES = {CoercionInputShape.Integer, CoercionInputShape.Float,
      CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
      CoercionInputShape.Array, CoercionInputShape.EmptyArray, CoercionInputShape.Object,
      CoercionInputShape.EmptyObject};

  private StrictInput() {}

  static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer,
        LogicalType.Float}) {
      builder.withCoercionConfig(type, config -> {
        for (CoercionInputShape shape : SHAPES) {
          config.setCoercion(shape, CoercionAction.Fail);
        }
      });
    }
    SimpleModule module = new SimpleModule("kith-strict-input");
    module.addDeserializer(String.class, new WellFormedStrings());
    module.addDeserializer(Boolean.class, new NoNulls<>(Boolean.class));
    module.addDeserializer(Long.class, new NoNulls<>(Long.class));
    module.addDeserializer(NullableField.class, new NullableFields(null));
    return builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).addModule(module);
  }

  /**
   * A boxed scalar as Jackson reads it (its coercion rules included), where a field that was left out is null but
   * a field sent as null is refused: null is no string, boolean or number.
   */
  private static class NoNulls<T> extends StdScalarDeserializer<T> {
    private final JsonDeserializer<?> standard;

    NoNulls(Class<T> type) {
      super(type);
      this.standard = type == String.class ? StringDeserializer.instance
          : NumberDeserializers.find(type, type.getName());
    }

    @Override
    public LogicalType logicalType() {
      return standard.logicalType();
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return handledType().cast(standard.deserialize(p, ctxt));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> handledType() {
      return (Class<T>) super.handledType();
    }

    @Override
    public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      throw InvalidNullException.from(ctxt, null, ctxt.constructType(handledType()));
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return null;
    }
  }

  /** Strings as {@link NoNulls}, refused if they are not well-formed Unicode. */
  private static final class WellFormedStrings extends NoNulls<String> {
    WellFormedStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && !TextRules.isWellFormed(value)) {
        String field = topLevelField(p);
        throw KithException.invalid(field, field + " must be valid Unicode text (it has an unpaired surrogate)");
      }
      return value;
    }

    /** The body's field the current value is in, however deep. */
    private static String topLevelField(JsonParser p) {
      JsonStreamContext context = p.getParsingContext();
      while (context.getParent() != null && !context.getParent().inRoot()) {
        context = context.getParent();
      }
      return context.getCurrentName();
    }
  }

  /** Absent, null or a value of the contained type (read by that type's own rules). */
  private static final class NullableFields extends StdDeserializer<NullableField<?>>
      implements ContextualDeserializer {
    private final JsonDeserializer<?> values;

    NullableFields(JsonDeserializer<?> values) {
      super(NullableField.class);
      this.values = values;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JavaType type = property != null ? property.getType() : ctxt.getContextualType();
      return new NullableFields(ctxt.findContextualValueDeserializer(type.containedType(0), property));
    }

    @Override
    public NullableField<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return NullableField.of(values.deserialize(p, ctxt));
    }

    @Override
    public NullableField<?> getNullValue(DeserializationContext ctxt) {
      return NullableField.ofNull();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return NullableField.absent();
    }
  }
}
