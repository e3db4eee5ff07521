package io.kith.bench;

import io.kith.bench.driver.Graph;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.store.rocksdb.RocksDbImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Known followers and suggestions on the 1M-user / 10M-edge power-law graph, where the viewer follows 1,000
 * accounts and the target (the hottest account) has about 500,000 followers; {@code backend} compares the Kith
 * store in-process with the in-memory reference (sorted primitive arrays, no durability: the physical limit).
 *
 * <p>The graph is imported once with the bulk importer and kept under {@code kith.bench.dir} (default
 * {@code target/bench-data}). {@code -p users=100000 -p edges=1000000} runs it small.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
public class GraphQueryBenchmark {
  private static final int VIEWER_FOLLOWS = 1_000;
  private static final int PAGE = 20;
  private static final long START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** What answers the query. */
  public enum Backend { KITH, MEMORY }

  @Param({"KITH", "MEMORY"})
  public Backend backend;

  @Param("1000000")
  public int users;

  @Param("10000000")
  public int edges;

  private KithStore store;
  private GraphQueries queries;
  private Suggestions suggestions;
  private UserId viewer;
  private UserId target;
  private MemoryReference memory;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Graph graph = Graph.synthetic(users, edges, 42, START_MILLIS);
    int viewerUser = users + 1;
    int[] viewerFollows = new SplittableRandom(7).ints(1, users + 1).distinct().limit(VIEWER_FOLLOWS).toArray();
    int target = graph.byFollowers[0];
    this.viewer = UserId.of(viewerUser);
    this.target = UserId.of(target);
    if (backend == Backend.MEMORY) {
      memory = new MemoryReference(graph, viewerFollows, target);
      return;
    }
    Path dir = Path.of(System.getProperty("kith.bench.dir", "target/bench-data"), "graph-" + users + "-" + edges);
    if (!Files.exists(dir.resolve("BUILT"))) {
      importGraph(dir, graph, viewerUser, viewerFollows);
    }
    store = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dir.toString(), "sync", "false")));
    queries = new GraphQueries(store, Clock.systemUTC());
    PopularAccounts popular = new PopularAccounts(store, 200);
    popular.refresh();
    suggestions = new Suggestions(store, Clock.systemUTC(), popular);
    System.out.printf("viewer follows %,d; target has %,d followers; known followers: %,d%n",
        store.counts(viewer).following(), store.counts(this.target).followers(),
        queries.knownFollowersSummary(viewer, this.target).orElseThrow().count());
  }

  private static void importGraph(Path dir, Graph graph, int viewerUser, int[] viewerFollows) throws Exception {
    int n = graph.edges() + viewerFollows.length;
    long[] followers = new long[n];
    long[] followees = new long[n];
    for (int i = 0; i < graph.edges(); i++) {
      followers[i] = graph.from[i] - 1; // node ids: user u is node u - 1
      followees[i] = graph.to[i] - 1;
    }
    for (int i = 0; i < viewerFollows.length; i++) {
      followers[graph.edges() + i] = viewerUser - 1;
      followees[graph.edges() + i] = viewerFollows[i] - 1;
    }
    RocksDbImport.run(dir, followers, followees, n, Instant.ofEpochMilli(START_MILLIS + n - 1),
        RocksDbImport.Progress.NONE);
    Files.createFile(dir.resolve("BUILT"));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (store != null) {
      store.close();
    }
  }

  @Benchmark
  public Object knownFollowersPage() {
    if (backend == Backend.MEMORY) {
      return memory.knownFollowers(PAGE);
    }
    return queries.knownFollowers(viewer, target, PageRequest.first(PAGE));
  }

  @Benchmark
  public Object suggestions() {
    if (backend == Backend.MEMORY) {
      return memory.suggestionsCandidates();
    }
    return suggestions.suggest(viewer, Suggestions.MAX_LIMIT);
  }

  /**
   * The same answers from primitive arrays: the target's followers sorted by id with their follow times, the
   * viewer's followings; a page is a binary search per following, then a sort of the matches by time.
   */
  static final class MemoryReference {
    private final long[] targetFollowers;
    private final long[] targetFollowTimes;
    private final int[] viewerFollows;
    private final int[][] following;

    MemoryReference(Graph graph, int[] viewerFollows, int target) {
      int count = graph.followerCounts[target];
      long[] packed = new long[count];
      int k = 0;
      int[] outDegree = new int[graph.users + 2];
      for (int i = 0; i < graph.edges(); i++) {
        outDegree[graph.from[i]]++;
        if (graph.to[i] == target) {
          packed[k++] = (long) graph.from[i] << 32 | i; // follower, then edge index (its time)
        }
      }
      Arrays.sort(packed);
      targetFollowers = new long[count];
      targetFollowTimes = new long[count];
      for (int i = 0; i < count; i++) {
        targetFollowers[i] = packed[i] >>> 32;
        targetFollowTimes[i] = graph.timeOf((int) packed[i]);
      }
      this.viewerFollows = viewerFollows.clone();
      following = new int[graph.users + 2][];
      for (int u = 0; u < following.length; u++) {
        following[u] = new int[outDegree[u]];
      }
      int[] filled = new int[graph.users + 2];
      for (int i = graph.edges() - 1; i >= 0; i--) { // newest first
        following[graph.from[i]][filled[graph.from[i]]++] = graph.to[i];
      }
    }

    long[] knownFollowers(int page) {
      long[] matches = new long[viewerFollows.length];
      int found = 0;
      for (int followed : viewerFollows) {
        int at = Arrays.binarySearch(targetFollowers, followed);
        if (at >= 0) {
          matches[found++] = targetFollowTimes[at] << 20 | (followed & 0xFFFFF);
        }
      }
      Arrays.sort(matches, 0, found);
      long[] newest = new long[Math.min(page, found)];
      for (int i = 0; i < newest.length; i++) {
        newest[i] = matches[found - 1 - i];
      }
      return newest;
    }

    /** The friends-of-friends tally over the same capped sample Kith reads (200 followings x 50 each). */
    int suggestionsCandidates() {
      java.util.HashMap<Integer, Integer> tally = new java.util.HashMap<>();
      for (int i = 0; i < Math.min(200, viewerFollows.length); i++) {
        int[] theirs = following[viewerFollows[i]];
        for (int j = 0; j < Math.min(50, theirs.length); j++) {
          tally.merge(theirs[j], 1, Integer::sum);
        }
      }
      return tally.size();
    }
  }
}
