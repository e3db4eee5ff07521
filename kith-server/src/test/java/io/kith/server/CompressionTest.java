package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.TestApi;
import io.netty.handler.codec.compression.Brotli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Large answers are compressed for clients that accept it; small ones and other clients get them plain. */
class CompressionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Account owner;

  @BeforeAll
  static void hundredFollowers() {
    TestApi api = server.api();
    owner = api.signUp();
    for (int i = 0; i < 100; i++) {
      api.follow(api.signUp(), owner);
    }
  }

  @Test
  void aHundredCardPageComesBackGzippedAndDecodesToThePlainAnswer() throws Exception {
    String page = "/v1/users/" + owner.id() + "/followers?limit=100";
    HttpResponse<byte[]> plain = get(page, Map.of());
    HttpResponse<byte[]> gzipped = get(page, Map.of("Accept-Encoding", "gzip"));
    HttpResponse<byte[]> deflated = get(page, Map.of("Accept-Encoding", "deflate"));

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
    JsonNode expected = MAPPER.readTree(plain.body());
    assertThat(expected.get("items")).hasSize(100);

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(gzipped.headers().allValues("vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
    assertThat(MAPPER.readTree(decode(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())))))
        .isEqualTo(expected);

    assertThat(deflated.headers().firstValue("content-encoding")).hasValue("deflate");
    assertThat(MAPPER.readTree(decode(new InflaterInputStream(new ByteArrayInputStream(deflated.body())))))
        .isEqualTo(expected);
  }

  @Test
  void brotliWhereItsNativeLibraryLoadsAsOnLinux() throws Exception {
    assertThat(Brotli.isAvailable()).as("brotli4j's native library for this platform").isTrue();
    HttpResponse<byte[]> brotli =
        get("/v1/users/" + owner.id() + "/followers?limit=100", Map.of("Accept-Encoding", "br"));
    HttpResponse<byte[]> plain = get("/v1/users/" + owner.id() + "/followers?limit=100", Map.of());
    assertThat(brotli.headers().firstValue("content-encoding")).hasValue("br");
    assertThat(brotli.body().length).isLessThan(plain.body().length / 2);
    DirectDecompress decoded = Decoder.decompress(brotli.body());
    assertThat(decoded.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
    assertThat(MAPPER.readTree(decoded.getDecompressedData())).isEqualTo(MAPPER.readTree(plain.body()));
  }

  @Test
  void smallAnswersStayPlainWhateverTheClientAccepts() throws Exception {
    for (String path : new String[] {"/health", "/v1/users/" + owner.id(), "/v1/me"}) {
      HttpResponse<byte[]> response = get(path, Map.of("Accept-Encoding", "gzip, deflate"));
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("content-encoding")).as(path).isEmpty();
      assertThat(response.body().length).as(path).isLessThan(1024);
      MAPPER.readTree(response.body()); // plain JSON
    }
  }

  private static HttpResponse<byte[]> get(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
        .header("Authorization", "Bearer " + owner.token());
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] decode(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
