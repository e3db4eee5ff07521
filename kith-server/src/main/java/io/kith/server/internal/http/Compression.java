package io.kith.server.internal.http;

import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.encoding.StreamEncoderFactories;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.encoding.EncodingService;
import java.util.function.Function;

/**
 * Response compression with Armeria's {@link EncodingService}: gzip or deflate, as the client's
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
        .encoderFactories(StreamEncoderFactories.GZIP, StreamEncoderFactories.DEFLATE)
        .encodableContentTypes(Compression::compressible)
        .minBytesToForceChunkedEncoding(MIN_BYTES)
        .newDecorator();
  }

  private static boolean compressible(MediaType type) {
    return type.isJson() || type.is(MediaType.ANY_TEXT_TYPE);
  }
}
