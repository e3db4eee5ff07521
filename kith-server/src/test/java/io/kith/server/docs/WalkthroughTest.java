package io.kith.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough runs as written: every {@code sh} block from "## Walkthrough" up to "## Running on
 * Cassandra", in order, as one bash script (strict mode added), in an empty directory, against real servers that
 * the script itself starts with {@code ./kith serve ... &} on a free port ({@code KITH_PORT}). There {@code ./kith}
 * runs the server's real main class from this module's classpath, which is what the launcher builds and runs. Each
 * step checks its status and the shape of its answer, so any step the docs get wrong fails this test.
 */
class WalkthroughTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @TempDir
  Path dir;

  private Process script;

  @Test
  void readmeWalkthroughRunsTopToBottomAgainstARealServer() throws Exception {
    String walkthrough = walkthroughBlocks(Files.readString(ROOT.resolve("README.md")));
    Path file = dir.resolve("walkthrough.sh");
    Files.writeString(file, "set -euo pipefail\n"
        // Stop any server the script started, however it ends.
        + "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
        + walkthrough
        + "echo 'walkthrough: done'\n");
    Path launcher = dir.resolve("kith");
    Files.writeString(launcher, """
        #!/bin/sh
        echo $$ >> "$KITH_TEST_PIDS"
        exec "$KITH_TEST_JAVA" -cp "$KITH_TEST_CLASSPATH" io.kith.server.Main "$@"
        """);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

    ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        // A file, not a pipe: the servers the script starts in the background write to it too.
        .redirectOutput(dir.resolve("output.log").toFile());
    builder.environment().put("KITH_PORT", Integer.toString(freePort()));
    builder.environment().put("KITH_TEST_PIDS", dir.resolve("pids").toString());
    builder.environment().put("KITH_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("KITH_TEST_CLASSPATH", System.getProperty("java.class.path"));
    script = builder.start();
    boolean finished = script.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    stopAll();
    String log = Files.readString(dir.resolve("output.log"));

    assertThat(finished).as("the walkthrough finished within %s:%n%s", TIMEOUT, log).isTrue();
    assertThat(script.exitValue()).as("the walkthrough's exit status:%n%s", log).isZero();
    assertThat(log.lines()).as("the walkthrough ran to its end").contains("walkthrough: done");
    // Both servers it started ran and stopped: the first to be restarted with a service token, the last at the end.
    assertThat(Files.readAllLines(dir.resolve("pids"))).hasSize(2);
  }

  /** The {@code sh} blocks of the walkthrough sections, in order. */
  static String walkthroughBlocks(String readme) {
    int from = readme.indexOf("\n## Walkthrough\n");
    int to = readme.indexOf("\n## Running on Cassandra or ScyllaDB\n");
    assertThat(from).as("README has a walkthrough section").isNotNegative();
    assertThat(to).as("README has a Cassandra section after it").isGreaterThan(from);
    Matcher block = Pattern.compile("\n```sh\n(.*?)\n```\n", Pattern.DOTALL).matcher(readme.substring(from, to));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    assertThat(blocks).as("shell blocks in the walkthrough").isNotEmpty();
    return String.join("\n", blocks) + "\n";
  }

  @AfterEach
  void stopAll() throws IOException {
    if (script != null) {
      script.descendants().forEach(ProcessHandle::destroy);
      script.destroy();
    }
    Path pids = dir.resolve("pids");
    if (Files.exists(pids)) {
      for (String pid : Files.readAllLines(pids)) {
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(server -> {
          server.destroy();
          server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
