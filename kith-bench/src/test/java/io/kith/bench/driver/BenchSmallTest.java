package io.kith.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kith.bench.peer.PostgresPeer;
import io.kith.bench.peer.RedisPeer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./kith bench --size small} end to end against every store, PostgreSQL and Redis on loopback included.
 * It checks that each store answers every workload without errors and that the report is written; it asserts no
 * speed (figures on a shared CI machine are not a pass/fail signal; docs/performance.md holds the full run's).
 */
class BenchSmallTest {
  private static final String PG_URL = System.getProperty("kith.bench.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String REDIS_HOST = System.getProperty("kith.bench.redis-host", "127.0.0.1");

  @TempDir
  Path dir;

  @Test
  void everyStoreRunsEveryWorkloadOfTheSmallSize() {
    requirePeers();
    BenchCommand bench = new BenchCommand();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    bench.log(new PrintStream(console, true, StandardCharsets.UTF_8));
    int exit = new CommandLine(bench).execute("--size", "small", "--viewers", "500", "--warmup", "PT0.2S",
        "--duration", "PT0.4S", "--pg-url", PG_URL, "--redis-host", REDIS_HOST,
        "--work-dir", dir.resolve("work").toString(), "--out", dir.resolve("out").toString());

    assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isZero();
    Report report = bench.report;
    assertThat(report.loads()).extracting(LoadResult::store).containsExactlyElementsOf(BenchCommand.STORES);
    for (String store : BenchCommand.STORES) {
      for (Workload workload : Workload.values()) {
        if ((workload.needsAccounts && store.endsWith("-http")) || (workload.writes() && store.equals("rocksdb-raw"))) {
          continue;
        }
        Result result = report.result(store, workload.label).orElseThrow(() -> new AssertionError(
            "no result for " + store + " / " + workload.label));
        assertThat(result.errors()).as("%s / %s: %s", store, workload.label, result.firstError()).isZero();
        assertThat(result.operations()).as("%s / %s operations", store, workload.label).isPositive();
      }
    }
    assertThat(dir.resolve("out/results.json")).isNotEmptyFile();
    assertThat(dir.resolve("out/results.md")).content().contains("kith ÷ store", "feed-mix");
    assertThat(dir.resolve("out/throughput.svg")).content().startsWith("<svg");
  }

  /** Skips where PostgreSQL or Redis is missing on a developer machine, and fails in CI, where they must run. */
  private static void requirePeers() {
    boolean postgres = PostgresPeer.reachable(PG_URL, "postgres");
    boolean redis = RedisPeer.reachable(REDIS_HOST, 6379);
    if (postgres && redis) {
      return;
    }
    String missing = "PostgreSQL at " + PG_URL + (postgres ? " is up" : " is unreachable") + ", Redis at "
        + REDIS_HOST + ":6379" + (redis ? " is up" : " is unreachable");
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true but the benchmark's peers are not all reachable: " + missing);
    }
    System.err.println("BenchSmallTest skipped: " + missing);
    Assumptions.abort(missing + " (in CI, with CI=true, this test fails instead of skipping)");
  }
}
