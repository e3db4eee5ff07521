package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.testing.TestApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kith serve} takes service tokens from KITH_SERVICE_TOKENS and a tokens file, as an operator sets them. */
class ServiceTokenEnvironmentTest {
  private static final String READY = "Kith listening on ";
  private static final String FROM_ENV = "e3Xq9vT2mB7nK4pL0sD8fG1hJ6kZ5xC2vB9nM3qW7eR=";
  private static final String NO_SCOPE = "r8Tn2mQ5vX1cL7kP4sD9fG0hJ3kZ6xC1vB8nM2qW5eT=";
  private static final String FROM_FILE = "w5Rt8yU1iO4pA7sD0fG3hJ6kL9zX2cV5bN8mQ1wE4rT=";
  private static final String MISSING_USER = "/v1/users/4242424242/followers/ids";

  @TempDir
  Path dir;

  @Test
  void tokensComeFromTheEnvironmentAndAFile() throws Exception {
    Path file = dir.resolve("service-tokens");
    Files.writeString(file, "# from the file\nfiled:followers:read:" + ServiceTokens.sha256Hex(FROM_FILE) + "\n");
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--port", "0", "--data", dir.resolve("data").toString(), "--sync", "false", "--argon2-memory-kib", "64",
        "--argon2-iterations", "1"))
        .redirectErrorStream(true);
    builder.environment().put("KITH_SERVICE_TOKENS", "env:followers:read:" + ServiceTokens.sha256Hex(FROM_ENV)
        + "; scopeless:following:read:" + ServiceTokens.sha256Hex(NO_SCOPE));
    builder.environment().put("KITH_SERVICE_TOKENS_FILE", file.toString());
    Process process = builder.start();
    StringBuffer output = new StringBuffer();
    CompletableFuture<URI> ready = new CompletableFuture<>();
    Thread reader = Thread.ofPlatform().start(() -> readOutput(process, output, ready));
    try {
      TestApi api = new TestApi(ready.join());
      // Past authorization, the user is missing: 404 proves the token was accepted with its scope.
      assertThat(api.get(MISSING_USER, "Bearer " + FROM_ENV).status()).as(output.toString()).isEqualTo(404);
      assertThat(api.get(MISSING_USER, "Bearer " + FROM_FILE).status()).isEqualTo(404);
      assertThat(api.get(MISSING_USER, "Bearer " + NO_SCOPE).status()).isEqualTo(403);
      assertThat(api.get(MISSING_USER, "Bearer " + FROM_ENV.replace('e', 'f')).status()).isEqualTo(401);
    } finally {
      process.toHandle().destroy();
    }
    process.waitFor();
    reader.join();
    assertThat(output.toString()).as("only hashes are configured, and no token is ever logged")
        .doesNotContain(FROM_ENV).doesNotContain(FROM_FILE).doesNotContain(NO_SCOPE);
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
