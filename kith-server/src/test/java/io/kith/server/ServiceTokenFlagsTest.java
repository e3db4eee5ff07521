package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.server.internal.auth.ServiceTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service-token and popular-refresh settings are checked before the server opens its store. */
class ServiceTokenFlagsTest {
  private static final String HASH = ServiceTokens.sha256Hex("some token");

  private static String run(String... flags) {
    StringWriter err = new StringWriter();
    String[] args = new String[flags.length + 3];
    args[0] = "serve";
    args[1] = "--data";
    args[2] = "/nonexistent/kith-never-created";
    System.arraycopy(flags, 0, args, 3, flags.length);
    int code = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    assertThat(code).as(err.toString()).isEqualTo(2);
    return err.toString().strip();
  }

  @Test
  void badServiceTokenFlagsStopTheServerBeforeItOpensTheStore() {
    assertThat(run("--service-token", "fanout")).startsWith("kith: --service-token: '...' (expected: NAME:");
    assertThat(run("--service-token", "fanout:followers:read")).startsWith("kith: --service-token fanout hash: not 64");
    assertThat(run("--service-token", "fanout:followers:write:" + HASH))
        .startsWith("kith: --service-token fanout scopes: [followers:write]");
    assertThat(run("--service-token", "a:followers:read:" + HASH, "--service-token", "a:following:read:"
        + ServiceTokens.sha256Hex("x"))).isEqualTo("kith: --service-token a: configured twice (expected: unique names)");
    assertThat(run("--popular-refresh-minutes", "0"))
        .isEqualTo("kith: --popular-refresh-minutes: 0 (expected: 1-1440 minutes)");
  }

  @Test
  void aTokensFileIsReadAndCheckedLineByLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# fan-out\nfanout:followers:read:" + HASH + "\nbroken\n");
    assertThat(run("--service-tokens-file", file.toString())).startsWith("kith: --service-token: '...' (expected");
    assertThat(run("--service-tokens-file", dir.resolve("missing").toString()))
        .startsWith("kith: --service-tokens-file: ");
  }

  @Test
  void theBuilderChecksEachSetting() {
    assertThatThrownBy(() -> KithServer.builder().serviceToken("x:followers:read:abc"))
        .hasMessageContaining("not 64 hex digits");
    assertThatThrownBy(() -> KithServer.builder().popularRefreshInterval(Duration.ofDays(2)))
        .hasMessage("popularRefreshInterval: PT48H (expected: 1 ms to 1 day)");
  }
}
