package io.kith.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two commands as a user runs them on a machine whose default {@code java} is 17: {@code ./kith test}
 * must find a JDK 21+ (as {@code ./kith serve} does) and run the Maven build with it, and CI must run exactly that.
 * The launcher runs in a copy of the repository's scripts with a stand-in {@code mvnw} that records what it was
 * given, so this checks the launcher itself without building Kith a second time.
 */
class LauncherTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void kithTestFindsAJdk21WhenTheDefaultJavaIs17AndRunsMavenVerifyWithTheGivenArguments() throws Exception {
    Files.createDirectories(dir.resolve(".ci"));
    Files.copy(ROOT.resolve("kith"), dir.resolve("kith"));
    Files.copy(ROOT.resolve(".ci/find-jdk.sh"), dir.resolve(".ci/find-jdk.sh"));
    executable(dir.resolve("mvnw"), """
        #!/bin/sh
        { printf 'JAVA_HOME=%s\\n' "$JAVA_HOME"; printf 'arg=%s\\n' "$@"; } > "$(dirname "$0")/mvnw.out"
        """);
    // The machine's default java: a JDK 17, as JAVA_HOME and first on the PATH.
    Path jdk17 = dir.resolve("jdk-17");
    Files.createDirectories(jdk17.resolve("bin"));
    executable(jdk17.resolve("bin/java"), """
        #!/bin/sh
        echo 'openjdk version "17.0.13" 2024-10-15' >&2
        """);
    // The JDK 21+ installed beside it: the one running this test.
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    Path jdk21 = Files.createSymbolicLink(jvms.resolve("jdk-new"), Path.of(System.getProperty("java.home")));

    ProcessBuilder launcher = new ProcessBuilder("bash", dir.resolve("kith").toString(), "test", "-pl", "kith-bench",
        "-Dtest=Some Test")
        .directory(dir.toFile())
        .redirectErrorStream(true);
    launcher.environment().put("JAVA_HOME", jdk17.toString());
    launcher.environment().put("PATH", jdk17.resolve("bin") + ":/usr/bin:/bin");
    launcher.environment().put("KITH_JVM_DIR", jvms.toString());
    Process process = launcher.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();

    assertThat(Files.readAllLines(dir.resolve("mvnw.out"))).containsExactly(
        "JAVA_HOME=" + jdk21, "arg=-B", "arg=verify", "arg=-pl", "arg=kith-bench", "arg=-Dtest=Some Test");
  }

  @Test
  void ciRunsExactlyTheReadmesTestCommand() throws IOException {
    List<String> run = Files.readAllLines(ROOT.resolve(".ci/run"));
    assertThat(run.getLast()).isEqualTo("exec ./kith test");
  }

  @Test
  void theReadmesTwoCommandsAreKithServeAndKithTest() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## The two commands"));
    String block = section.substring(section.indexOf("```sh\n") + 6, section.indexOf("```", section.indexOf("```sh\n") + 6));
    assertThat(block.lines().map(line -> line.replaceAll("\\s*#.*", ""))).containsExactly(
        "./kith serve", "./kith test");
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
