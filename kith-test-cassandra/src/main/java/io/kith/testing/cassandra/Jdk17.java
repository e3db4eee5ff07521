package io.kith.testing.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that Cassandra 5.0 runs on (11 or 17; it fails on 24+): {@code KITH_CASSANDRA_JAVA_HOME} if set, else
 * the first under /usr/lib/jvm whose {@code java -version} says 17, else 11. Versions are read, never guessed from
 * directory names.
 */
public final class Jdk17 {
  private static final Pattern VERSION = Pattern.compile("version \"(1\\.)?(\\d+)");
  private static final Optional<Path> FOUND = find();

  private Jdk17() {}

  public static Optional<Path> java() {
    return FOUND;
  }

  /** Why the Cassandra tests cannot run here, for messages. */
  public static String missing() {
    return "no JDK 11 or 17 for Cassandra 5.0 (looked at KITH_CASSANDRA_JAVA_HOME and /usr/lib/jvm/*); install"
        + " one, e.g. apt-get install openjdk-17-jdk-headless";
  }

  private static Optional<Path> find() {
    String override = System.getenv("KITH_CASSANDRA_JAVA_HOME");
    if (override != null && !override.isBlank()) {
      Path java = Path.of(override, "bin", "java");
      return major(java).filter(v -> v == 11 || v == 17).map(v -> java);
    }
    List<Path> homes;
    try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
      homes = dirs.sorted().toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (int wanted : new int[] {17, 11}) {
      for (Path home : homes) {
        Path java = home.resolve("bin/java");
        if (major(java).orElse(0) == wanted) {
          return Optional.of(java);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> major(Path java) {
    if (!Files.isExecutable(java)) {
      return Optional.empty();
    }
    try {
      Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      Matcher matcher = VERSION.matcher(output);
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(2))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
