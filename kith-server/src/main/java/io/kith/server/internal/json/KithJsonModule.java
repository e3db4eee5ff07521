package io.kith.server.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.kith.core.Handle;
import io.kith.core.ListsVisibility;
import io.kith.core.UserId;
import java.io.IOException;
import java.time.Instant;

/**
 * How Kith's own types read on the wire: ids as strings of digits (JSON numbers lose precision above 2^53 in most
 * clients), handles and lists visibility by their wire names, times as ISO-8601 UTC exactly as
 * {@link Instant#toString()} writes them.
 */
final class KithJsonModule extends SimpleModule {
  KithJsonModule() {
    super("kith");
    addSerializer(UserId.class, ToStringSerializer.instance);
    addSerializer(Instant.class, ToStringSerializer.instance);
    addSerializer(Handle.class, new StdSerializer<>(Handle.class) {
      @Override
      public void serialize(Handle handle, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeString(handle.value());
      }
    });
    addSerializer(ListsVisibility.class, new StdSerializer<>(ListsVisibility.class) {
      @Override
      public void serialize(ListsVisibility visibility, JsonGenerator out, SerializerProvider provider)
          throws IOException {
        out.writeString(visibility.wireName());
      }
    });
  }
}
