package io.kith.bench;

import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether a follower page costs the same for an account with 10 followers and one with 1,000,000: the first page,
 * a page deep in the list (keyset cursor at the middle), the counts and a relationship check.
 *
 * <p>The graph is built once per size through the SPI and kept under {@code kith.bench.dir} (default
 * {@code target/bench-data}) for later runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class FollowerPageBenchmark {
  @Param({"10", "1000000"})
  public int followers;

  /** 10 compares equal work at both sizes; 50 is the API's default page. */
  @Param({"10", "50"})
  public int pageSize;

  private KithStore store;
  private UserId star;
  private UserId someFollower;
  private Position middle;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dir = Path.of(System.getProperty("kith.bench.dir", "target/bench-data"), "followers-" + followers);
    boolean built = Files.exists(dir.resolve("BUILT"));
    store = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dir.toString(), "sync", "false")));
    if (!built) {
      build(dir);
    }
    star = store.scanUsers(java.util.Optional.empty(), 1).getFirst().id();
    EdgePage first = store.edges(EdgeList.FOLLOWERS, star, PageRequest.first(1));
    someFollower = first.edges().getFirst().other();
    middle = walkTo(followers / 2);
  }

  private void build(Path dir) throws Exception {
    long t0 = System.nanoTime();
    UserId starId = new UserId(1);
    store.createUser(new User(starId, new Handle("star"), "Star", "", null, false, Instant.now()), "-");
    long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < followers; i++) {
      UserId fan = new UserId(2 + i);
      store.createUser(new User(fan, new Handle("fan_" + i), "", "", null, false, Instant.now()), "-");
      store.follow(fan, starId, Instant.ofEpochMilli(base + i));
    }
    Files.createFile(dir.resolve("BUILT"));
    System.out.printf("built %,d followers in %.1f s%n", followers, (System.nanoTime() - t0) / 1e9);
  }

  private Position walkTo(int index) {
    // Walk by pages of up to 10,000 (a setup cost, not measured) to a cursor at the given depth.
    PageRequest request = PageRequest.first(Math.max(1, Math.min(index, PageRequest.MAX_LIMIT)));
    int seen = 0;
    Position position = null;
    while (seen < Math.max(1, index)) {
      EdgePage page = store.edges(EdgeList.FOLLOWERS, star, request);
      List<io.kith.core.spi.Edge> edges = page.edges();
      seen += edges.size();
      position = edges.getLast().position();
      if (page.next().isEmpty()) {
        break;
      }
      request = PageRequest.after(position, Math.min(PageRequest.MAX_LIMIT, Math.max(1, index - seen)));
    }
    return position;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  @Benchmark
  public EdgePage firstFollowerPage() {
    return store.edges(EdgeList.FOLLOWERS, star, PageRequest.first(pageSize));
  }

  @Benchmark
  public EdgePage deepFollowerPage() {
    return store.edges(EdgeList.FOLLOWERS, star, PageRequest.after(middle, pageSize));
  }

  @Benchmark
  public Object counts() {
    return store.counts(star);
  }

  @Benchmark
  public Object relationship() {
    return store.relationships(someFollower, List.of(star), Instant.now());
  }
}
