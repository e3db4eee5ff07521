package io.kith.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.bench.peer.ForkedServer;
import io.kith.bench.peer.KithHttpPeer;
import io.kith.bench.peer.KithPeer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kith-http} against a real server in its own JVM ({@code --http-server forked}, the default): the workloads
 * get answers from it, the report says where it ran and with what heap, and no server process outlives the bench,
 * whether it ends well or fails. The forked server runs {@code io.kith.server.Main} from this JVM's class path
 * (kith-bench's test class path holds kith-server's classes), as the bench's jar does without {@code --server-jar};
 * {@code noop-http}'s server is forked with it, so that the transport limit runs in a JVM of its own too.
 */
class BenchForkedServerTest {
  @TempDir
  Path dir;

  @Test
  void kithHttpDrivesAForkedServerAndStopsIt() {
    BenchCommand bench = new BenchCommand();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    bench.log(new PrintStream(console, true, StandardCharsets.UTF_8));
    int exit = new CommandLine(bench).execute("--size", "small", "--stores", "kith,kith-http,noop-http",
        "--workload", "checks,first-page,counts,follow", "--http-server", "forked", "--viewers", "200",
        "--threads", "4", "--warmup", "PT0.2S", "--duration", "PT0.4S", "--server-java-opts", "-Xmx256m",
        "--work-dir", dir.resolve("work").toString(), "--out", dir.resolve("out").toString());

    assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isZero();
    for (String workload : List.of("checks", "first-page", "counts", "follow")) {
      Result result = bench.report.result("kith-http", workload).orElseThrow(() -> new AssertionError(
          "no kith-http result for " + workload));
      assertThat(result.errors()).as("%s: %s", workload, result.firstError()).isZero();
      assertThat(result.operations()).as("%s operations", workload).isPositive();
      Result noop = bench.report.result("noop-http", workload).orElseThrow(() -> new AssertionError(
          "no noop-http result for " + workload));
      assertThat(noop.errors()).as("noop-http %s: %s", workload, noop.firstError()).isZero();
      assertThat(noop.operations()).as("noop-http %s operations", workload).isPositive();
    }
    assertThat(bench.report.httpServer()).containsEntry("mode", "forked");
    String jvm = bench.report.httpServer().get("jvm");
    assertThat(jvm).contains("-Xmx256m", "max heap 256 MB", "io.kith.server.Main serve --port 0 --data");
    Matcher pid = Pattern.compile("pid (\\d+)").matcher(jvm);
    assertThat(pid.find()).as(jvm).isTrue();
    assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).filter(ProcessHandle::isAlive))
        .as("the forked server after the bench").isEmpty();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("child processes").isEmpty();
    assertThat(dir.resolve("out/results.md")).content().contains("kith-http's server: forked, in its own JVM")
        .contains("in its own JVM (", "NoopServerMain");
    assertThat(dir.resolve("out/results.json")).content().contains("\"kithHttpServer\"", "\"mode\" : \"forked\"");
  }

  @Test
  void inProcessStaysAvailableAndIsReported() {
    BenchCommand bench = new BenchCommand();
    bench.log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    int exit = new CommandLine(bench).execute("--size", "small", "--stores", "kith-http", "--workload", "checks",
        "--http-server", "in-process", "--viewers", "100", "--threads", "2", "--warmup", "PT0.1S",
        "--duration", "PT0.2S", "--work-dir", dir.resolve("work").toString(), "--out", dir.resolve("out").toString());

    assertThat(exit).isZero();
    assertThat(bench.report.httpServer()).containsEntry("mode", "in-process");
    assertThat(bench.report.result("kith-http", "checks").orElseThrow().operations()).isPositive();
    assertThat(dir.resolve("out/results.md")).content().contains("kith-http's server: in-process");
  }

  @Test
  void aFailingBenchStopsTheForkedServerWithSigterm() throws Exception {
    Graph graph = Graph.synthetic(1_000, 5_000, 1, System.currentTimeMillis() - 3_600_000L);
    Context context = new Context(graph, 50, 1);
    KithPeer kith = new KithPeer(dir.resolve("kith"), true);
    ProcessHandle[] server = new ProcessHandle[1];
    ForkedServer[] forked = new ForkedServer[1];
    // As BenchCommand runs a store: try-with-resources around load and the workloads, here failing midway.
    assertThatThrownBy(() -> {
      try (KithHttpPeer peer = new KithHttpPeer(kith, context.viewers, false,
          new KithHttpPeer.Fork(null, List.of("-Xmx128m"), dir.resolve("server")))) {
        peer.load(graph);
        forked[0] = peer.forkedServer().orElseThrow();
        server[0] = ProcessHandle.of(forked[0].pid()).orElseThrow();
        assertThat(peer.checks(context.viewers[0], new int[] {1, 2, 3})).isNotNegative();
        throw new IllegalStateException("a workload failed");
      }
    }).hasMessage("a workload failed");

    assertThat(server[0].isAlive()).as("the forked server after the failure").isFalse();
    // 143 = 128 + SIGTERM: stopped by its own shutdown hook (store closed), not killed (137).
    assertThat(forked[0].exitCode()).isEqualTo(Optional.of(143));
  }

  @Test
  void aServerThatCannotStartIsReportedWithItsLog() throws Exception {
    Path notADirectory = dir.resolve("file");
    java.nio.file.Files.writeString(notADirectory, "not a data directory");
    assertThatThrownBy(() -> ForkedServer.start(null, List.of(), notADirectory, dir.resolve("server")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the forked server exited with");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("child processes").isEmpty();
  }
}
