package io.kith.bench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kith serve} in a JVM of its own, started as {@code ./kith serve} starts it ({@code java
 * --enable-native-access=ALL-UNNAMED -jar kith-server-*.jar serve ...}), so the server does not share the client's
 * heap, JIT and GC. Stopped with SIGTERM (the server's shutdown hook closes the store), and by a shutdown hook of
 * this JVM too, so a failed or interrupted bench leaves no server behind.
 */
public final class ForkedServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("(?:Kith|noop-http) listening on http://localhost:(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final List<String> command;
  private final Thread killer;
  private final int port;

  private ForkedServer(Process process, Path log, List<String> command) throws IOException, InterruptedException {
    this.process = process;
    this.log = log;
    this.command = command;
    this.killer = new Thread(this::stop, "kith-bench-stop-server");
    Runtime.getRuntime().addShutdownHook(killer);
    int found;
    try {
      found = awaitPort();
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
    this.port = found;
  }

  /**
   * Starts {@code serve --port 0 --data dataDir --sync true} and waits until it listens. {@code serverJar} is the
   * runnable server jar ({@code kith-server/target/kith-server-*.jar}, as {@code ./kith serve} runs it); when null,
   * the same main class from this JVM's own class path (the bench's jar bundles the server).
   */
  public static ForkedServer start(Path serverJar, List<String> javaOptions, Path dataDir, Path workDir)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    // The per-request access log off, as in-process: one log line per request would measure the console.
    Path logback = workDir.resolve("server-logback.xml");
    Files.writeString(logback, """
        <configuration>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{24} %msg%n</pattern></encoder>
          </appender>
          <logger name="com.linecorp.armeria" level="WARN"/>
          <logger name="io.netty" level="WARN"/>
          <logger name="kith.access" level="WARN"/>
          <root level="INFO"><appender-ref ref="STDOUT"/></root>
        </configuration>
        """, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(javaOptions);
    command.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
    if (serverJar != null) {
      if (!Files.isRegularFile(serverJar)) {
        throw new IllegalArgumentException("server-jar: " + serverJar + " (expected: the runnable server jar,"
            + " kith-server/target/kith-server-*.jar; ./kith serve builds it)");
      }
      command.add("-jar");
      command.add(serverJar.toAbsolutePath().toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("io.kith.server.Main");
    }
    // Follow rate limits raised: 2,000 viewers following for a warm-up and a window would reach 30 a minute
    // (a 429 is a refusal, not a measured follow). The limits are still read and charged on every follow.
    command.addAll(List.of("serve", "--port", "0", "--data", dataDir.toAbsolutePath().toString(), "--sync", "true",
        "--follow-limit-per-minute", "1000000", "--follow-limit-per-day", "1000000"));
    Path log = workDir.resolve("server.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ForkedServer(process, log, command);
  }

  /**
   * Starts {@link NoopServerMain} in a JVM of its own (this JVM's class path), answering with the samples in
   * {@code samplesDir}: the transport limit for a forked {@code kith-http}, in a process of its own as Kith's is.
   */
  public static ForkedServer startNoop(List<String> javaOptions, Path samplesDir, Path workDir)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(javaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NoopServerMain.class.getName());
    command.add(samplesDir.toAbsolutePath().toString());
    Path log = workDir.resolve("noop-server.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ForkedServer(process, log, command);
  }

  /** The JDK this bench runs on: the one the launcher found for it, as for {@code ./kith serve}. */
  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public List<String> command() {
    return List.copyOf(command);
  }

  /** The command line for the report, with this JVM's (long) class path abbreviated. */
  public String commandLine() {
    List<String> shown = new ArrayList<>(command);
    int cp = shown.indexOf("-cp");
    if (cp >= 0) {
      shown.set(cp + 1, "<the bench's class path>");
    }
    return String.join(" ", shown);
  }

  /** The server JVM's heap limit and collector, as that JVM chooses them from its flags on this machine. */
  public String heapAndCollector() {
    List<String> probe = new ArrayList<>();
    probe.add(javaExecutable());
    for (String arg : command.subList(1, command.size())) {
      if (arg.equals("-jar") || arg.equals("-cp")) {
        break;
      }
      probe.add(arg);
    }
    probe.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    try {
      Process flags = new ProcessBuilder(probe).redirectErrorStream(true).start();
      String out = new String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      flags.waitFor(30, TimeUnit.SECONDS);
      Matcher heap = Pattern.compile("\\bMaxHeapSize\\s*=\\s*(\\d+)").matcher(out);
      String gc = Pattern.compile("\\bUse(\\w+GC)\\s*=\\s*true").matcher(out).results().map(m -> m.group(1))
          .findFirst().orElse("unknown GC");
      return (heap.find() ? "max heap " + (Long.parseLong(heap.group(1)) >> 20) + " MB" : "max heap unknown")
          + ", " + gc;
    } catch (IOException e) {
      return "max heap unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "max heap unknown (interrupted)";
    }
  }

  private int awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the forked server exited with " + process.exitValue()
            + " before listening; " + log + " ends with:\n" + tail());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the forked server did not listen within " + START_TIMEOUT
        + "; " + log + " ends with:\n" + tail());
  }

  private String tail() throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }

  /** The server's exit code once stopped, if it has stopped. */
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** SIGTERM, then waits for the server to finish its requests and close the store; SIGKILL if it hangs. */
  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM on Unix: the server's own shutdown hook stops it and closes the store
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // this JVM is already shutting down: the hook is running or ran
    }
  }
}
