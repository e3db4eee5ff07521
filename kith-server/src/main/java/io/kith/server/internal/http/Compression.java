package io.kith.server.internal.http;

import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.encoding.StreamEncoderFactories;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.encoding.EncodingService;
import io.netty.handler.codec.compression.Brotli;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Response compression with Armeria's {@link EncodingService}: brotli, gzip or deflate, as the client's
 * {@code Accept-Encoding} prefers, for JSON and text answers of at least {@link #MIN_BYTES}. Smaller answers go
 * plain: they fit in one packet anyway, and compressing them costs latency for nothing. Answers of unknown length
 * (streams) are compressed. Armeria adds {@code Vary: Accept-Encoding} to what it compresses.
 */
public final class Compression {
  /** About one Ethernet frame's payload, less headers: below this compression saves no round trip. */
  public static final int MIN_BYTES = 1024;

  private Compression() {}

  public static Function<? super HttpService, EncodingService> decorator() {
    return EncodingService.builder()
        .encoderFactories(encodings())
        .encodableContentTypes(Compression::compressible)
        .minBytesToForceChunkedEncoding(MIN_BYTES)
        .newDecorator();
  }

  /**
   * Brotli comes with Armeria (brotli4j and its native library for the platform, a runtime dependency); where no
   * native library is found for the platform it is left out rather than failing.
   */
  static List<StreamEncoderFactories> encodings() {
    List<StreamEncoderFactories> encodings = new ArrayList<>();
    if (Brotli.isAvailable()) {
      encodings.add(StreamEncoderFactories.BROTLI);
    }
    encodings.add(StreamEncoderFactories.GZIP);
    encodings.add(StreamEncoderFactories.DEFLATE);
    return encodings;
  }

  private static boolean compressible(MediaType type) {
    return type.isJson() || type.is(MediaType.ANY_TEXT_TYPE);
  }
}
