package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.server.testing.Account;
import io.kith.server.testing.TestApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code Main serve} in a child JVM, writes through it, stops it with SIGTERM and reopens its data. */
class GracefulShutdownTest {
  private static final String READY = "Kith listening on ";

  @TempDir
  Path data;

  @Test
  void sigtermStopsTheServerAndKeepsEveryAcknowledgedWrite() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--port", "0", "--data", data.toString(), "--argon2-memory-kib", "64", "--argon2-iterations", "1"))
        .redirectErrorStream(true)
        .start();
    StringBuffer output = new StringBuffer();
    CompletableFuture<URI> ready = new CompletableFuture<>();
    Thread reader = Thread.ofPlatform().start(() -> readOutput(process, output, ready));

    Account ann;
    Account ben;
    try {
      TestApi api = new TestApi(ready.join());
      ann = api.signUp();
      ben = api.signUp();
      api.follow(ann, ben);
      assertThat(api.patch("/v1/me", ben.token(), json(fields("display_name", "Ben"))).status()).isEqualTo(200);
    } finally {
      // SIGTERM through the handle: Process.destroy() would also close our end of the child's output.
      process.toHandle().destroy();
    }
    int exitCode = process.waitFor();
    reader.join();

    assertThat(exitCode).as(output.toString()).isEqualTo(143);
    assertThat(output.toString())
        .contains("stopped; store closed")
        .contains("method=POST route=\"/v1/accounts\"")
        .contains("status=201")
        .contains("method=PUT route=\"/v1/me/following/:id\"");

    try (KithStore store = StoreProvider.named("rocksdb")
        .open(StoreConfig.of(Map.of("path", data.toString())))) {
      User annUser = store.userByHandle(Handle.parse("handle", ann.handle())).orElseThrow();
      User benUser = store.userByHandle(Handle.parse("handle", ben.handle())).orElseThrow();
      assertThat(benUser.displayName()).isEqualTo("Ben");
      assertThat(store.counts(benUser.id()).followers()).isEqualTo(1);
      assertThat(store.counts(annUser.id()).following()).isEqualTo(1);
    }
  }

  @Test
  void badSettingsFailFastWithoutOpeningTheStore() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path dir = data.resolve("never-created");
    Process process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--port", "70000", "--data", dir.toString()))
        .redirectErrorStream(true)
        .start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(text).contains("port: 70000 (expected: 0-65535)");
    assertThat(Files.exists(dir)).isFalse();
  }

  private static void readOutput(Process process, StringBuffer output, CompletableFuture<URI> ready) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith(READY)) {
          ready.complete(URI.create(line.substring(READY.length()).split(" ")[0]));
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    } finally {
      ready.completeExceptionally(new IllegalStateException("server exited before it was ready:\n" + output));
    }
  }
}
