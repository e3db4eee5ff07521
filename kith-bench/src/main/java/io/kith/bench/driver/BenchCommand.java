package io.kith.bench.driver;

import io.kith.bench.peer.HttpPeer;
import io.kith.bench.peer.KithHttpPeer;
import io.kith.bench.peer.KithPeer;
import io.kith.bench.peer.MemoryPeer;
import io.kith.bench.peer.NoopHttpPeer;
import io.kith.bench.peer.Peer;
import io.kith.bench.peer.PostgresPeer;
import io.kith.bench.peer.RawRocksDbPeer;
import io.kith.bench.peer.RedisPeer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kith bench}: the same graph and workloads against every store, in one run, with ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Loads one graph into each store and runs the same closed-loop workloads against each,",
        "reporting throughput, p50/p99/p99.9 latency, CPU use and Kith's ratio to each peer."})
public final class BenchCommand implements Callable<Integer> {
  /** The order stores run in: kith-http reuses kith's directory, noop-http answers with kith-http's bytes. */
  static final List<String> STORES = List.of("kith", "rocksdb-raw", "kith-http", "noop-http", "memory", "postgres",
      "redis");

  @Option(names = "--stores", split = ",",
      defaultValue = "kith,rocksdb-raw,kith-http,postgres,redis,memory,noop-http",
      description = "stores to run, from kith, rocksdb-raw, kith-http, postgres, redis, memory, noop-http (default:"
          + " all); rocksdb-raw runs with kith, on its directory, whenever kith runs")
  List<String> stores;

  @Option(names = "--workload", split = ",", defaultValue = "all",
      description = "all, or some of: checks, checks-at-half-peak, first-page, deep-page, page-of-10, counts,"
          + " feed-mix, linkbench, follow-1-thread, follow")
  List<String> workloads;

  @Option(names = "--size", defaultValue = "default", description = "default (1M users, 10M edges) or small"
      + " (10k users, 100k edges, short windows: about a minute)")
  String size;

  @Option(names = "--graph", description = "an edge list file (e.g. soc-Slashdot0902.txt.gz) instead of the"
      + " synthetic graph")
  Path graphFile;

  @Option(names = "--users", description = "synthetic graph users (overrides --size)")
  Integer users;

  @Option(names = "--edges", description = "synthetic graph edges (overrides --size)")
  Integer edges;

  @Option(names = "--threads", defaultValue = "16", description = "client threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--warmup", converter = ShortDuration.class,
      description = "warm-up per workload, e.g. 2s or 500ms (default: by --size)")
  Duration warmup;

  @Option(names = "--duration", converter = ShortDuration.class,
      description = "measured window per workload, e.g. 5s or 1m (default: by --size)")
  Duration duration;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--viewers", defaultValue = "2000", description = "distinct users that check and follow")
  int viewers;

  @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test")
  String pgUrl;

  @Option(names = "--pg-user", defaultValue = "postgres")
  String pgUser;

  @Option(names = "--redis-host", defaultValue = "127.0.0.1")
  String redisHost;

  @Option(names = "--redis-port", defaultValue = "6379")
  int redisPort;

  @Option(names = "--redis-db", defaultValue = "15", description = "logical database the benchmark flushes")
  int redisDb;

  @Option(names = "--http-server", defaultValue = "forked",
      description = "where kith-http's server runs: forked (default: its own JVM, started as ./kith serve starts"
          + " it, as users run it) or in-process (in the bench's JVM, sharing its heap, JIT and cores)")
  String httpServer;

  @Option(names = "--server-jar", defaultValue = "${sys:kith.server.jar}",
      description = "the runnable server jar the forked server runs (./kith bench passes"
          + " kith-server/target/kith-server-*.jar; default: the server classes on the bench's own class path)")
  Path serverJar;

  @Option(names = "--server-java-opts", defaultValue = "",
      description = "JVM flags of the forked server, space-separated, as KITH_JAVA_OPTS for ./kith serve"
          + " (default: none, the JVM's own heap and GC choice)")
  String serverJavaOpts;

  @Option(names = "--work-dir", description = "where Kith's data directory goes (default: a temporary one)")
  Path workDir;

  @Option(names = "--out", defaultValue = "bench-results", description = "report directory (default: ${DEFAULT-VALUE})")
  Path out;

  private PrintStream log = System.out;

  /** The report of the last run, for tests. */
  Report report;

  @Override
  public Integer call() throws Exception {
    List<String> selected = new ArrayList<>(validateStores());
    if (selected.contains("kith") && !selected.contains("rocksdb-raw")) {
      selected.add("rocksdb-raw"); // the floor kith's overhead is read against; it costs only the read windows
    }
    List<Workload> selectedWorkloads = validateWorkloads();
    Sizes sizes = Sizes.of(size, users, edges, warmup, duration);
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads: " + threads + " (expected: 1-1024)");
    }
    if (!httpServer.equals("forked") && !httpServer.equals("in-process")) {
      throw new IllegalArgumentException("http-server: " + httpServer + " (expected: forked or in-process)");
    }
    checkReachable(selected);
    long startMillis = System.currentTimeMillis() - 3_600_000L - sizes.edges();
    log.printf("kith bench: building the graph...%n");
    Graph graph = graphFile != null ? Graph.fromFile(graphFile, startMillis)
        : Graph.synthetic(sizes.users(), sizes.edges(), seed, startMillis);
    log.printf("kith bench: %s; hottest account %d has %,d followers%n", graph.description, graph.byFollowers[0],
        graph.followerCounts[graph.byFollowers[0]]);
    Context context = new Context(graph, viewers, seed);
    Path dir = workDir != null ? workDir : Files.createTempDirectory("kith-bench-");
    Files.createDirectories(dir);
    report = new Report(graph, sizes, threads, selectedWorkloads);
    try {
      runAll(selected, selectedWorkloads, sizes, context, dir);
    } finally {
      if (workDir == null) {
        deleteTree(dir);
      }
    }
    Files.createDirectories(out);
    report.write(out);
    log.println();
    log.print(report.markdown());
    log.printf("%nkith bench: wrote %s%n", out.toAbsolutePath());
    return 0;
  }

  private void runAll(List<String> selected, List<Workload> selectedWorkloads, Sizes sizes, Context context,
                      Path dir) throws Exception {
    KithPeer kith = new KithPeer(dir.resolve("kith"), true);
    for (String name : STORES) {
      if (!selected.contains(name)) {
        continue;
      }
      try (Peer peer = create(name, kith, context, selected, dir)) {
        log.printf("%n== %s: loading ==%n", name);
        long started = System.nanoTime();
        peer.load(context.graph);
        double seconds = (System.nanoTime() - started) / 1e9;
        long footprint = peer.footprintBytes();
        report.addLoad(new LoadResult(name, seconds, context.graph.edges() / seconds, footprint,
            footprint < 0 ? Double.NaN : (double) footprint / context.graph.edges(), peer.footprintKind()));
        report.addSettings(name, peer.settings());
        if (peer instanceof KithHttpPeer http) {
          report.httpServer(http.mode(), http.serverJvm());
        }
        log.printf("%s: loaded in %.1f s (%,.0f edges/s), %s %,d bytes%n", name, seconds,
            context.graph.edges() / seconds, peer.footprintKind(), footprint);
        if (selectedWorkloads.contains(Workload.DEEP_PAGE)) {
          context.prepareDeepCursors(peer);
        }
        boolean first = true;
        for (Workload workload : selectedWorkloads) {
          boolean unsupported = (workload.needsAccounts && peer instanceof HttpPeer)
              || (workload.writes() && peer instanceof RawRocksDbPeer);
          if (unsupported) {
            continue;
          }
          double rate = 0;
          if (workload == Workload.CHECKS_HALF_PEAK) {
            rate = report.result(name, Workload.CHECKS.label).map(r -> r.opsPerSecond() / 2).orElse(0.0);
            if (rate <= 0) {
              continue; // needs this store's checks figure from the same run
            }
          }
          // A store's first workload also warms up its code: the JIT compiles each store's path (an HTTP server
          // and client, a JDBC driver...) for many seconds, and a store measured cold would pay for it alone. A
          // forked server is a fresh JVM whose every route is cold (in-process, the kith peer's run compiled the
          // store's code): each of its workloads warms up that long, as a server in production has long been warm.
          boolean forkedServer = (peer instanceof KithHttpPeer http && http.mode().equals("forked"))
              || (peer instanceof NoopHttpPeer noop && noop.mode().equals("forked"));
          boolean coldServer = forkedServer && workload != Workload.CHECKS_HALF_PEAK;
          Duration warmup = first || coldServer ? sizes.firstWarmup() : sizes.warmup();
          first = false;
          Result result = LoadRunner.run(peer, workload, context, threads, warmup, sizes.window(), seed, rate);
          report.add(result);
          log.printf(Locale.ROOT, "%-10s %-16s %3d thr %,12.0f ops/s  p50 %,8.0f us  p99 %,8.0f us  p999 %,8.0f us"
                  + "  cpu %3.0f%% (jvm %3.0f%%, other %3.0f%%)%s%n", name, workload.label, result.threads(),
              result.opsPerSecond(), result.p50Micros(), result.p99Micros(), result.p999Micros(),
              result.cpuMachinePercent(), result.cpuJvmPercent(), result.cpuOtherPercent(),
              result.errors() > 0 ? "  ERRORS " + result.errors() + ": " + result.firstError() : "");
        }
      }
    }
  }

  private List<String> serverJavaOptions() {
    return serverJavaOpts.isBlank() ? List.of() : List.of(serverJavaOpts.trim().split("\\s+"));
  }

  private Peer create(String name, KithPeer kith, Context context, List<String> selected, Path dir) {
    return switch (name) {
      case "kith" -> kith;
      case "rocksdb-raw" -> new RawRocksDbPeer(kith.dataDir());
      case "kith-http" -> new KithHttpPeer(kith, context.viewers, selected.contains("kith"),
          httpServer.equals("forked") ? new KithHttpPeer.Fork(serverJar, serverJavaOptions(), dir.resolve("server"))
              : null);
      case "noop-http" -> new NoopHttpPeer(context.viewers, serverJavaOptions(),
          httpServer.equals("forked") ? dir.resolve("noop-server") : null);
      case "memory" -> new MemoryPeer();
      case "postgres" -> new PostgresPeer(pgUrl, pgUser, threads);
      case "redis" -> new RedisPeer(redisHost, redisPort, redisDb, threads);
      default -> throw new IllegalArgumentException("stores: " + name + " (expected: one of " + STORES + ")");
    };
  }

  private List<String> validateStores() {
    for (String store : stores) {
      if (!STORES.contains(store)) {
        throw new IllegalArgumentException("stores: " + store + " (expected: some of " + STORES + ")");
      }
    }
    return stores;
  }

  private List<Workload> validateWorkloads() {
    if (workloads.equals(List.of("all"))) {
      return Arrays.asList(Workload.values());
    }
    List<Workload> chosen = new ArrayList<>();
    for (String label : workloads) {
      chosen.add(Workload.byLabel(label));
    }
    // Run in the canonical order: reads before the writes that change the graph under them.
    return Arrays.stream(Workload.values()).filter(chosen::contains).toList();
  }

  private void checkReachable(List<String> selected) {
    if (selected.contains("postgres") && !PostgresPeer.reachable(pgUrl, pgUser)) {
      throw new IllegalStateException("pg-url: " + pgUrl + " (user " + pgUser + ") is unreachable (expected: a"
          + " running PostgreSQL; start one or leave postgres out of --stores)");
    }
    if (selected.contains("redis") && !RedisPeer.reachable(redisHost, redisPort)) {
      throw new IllegalStateException("redis-host: " + redisHost + ":" + redisPort + " is unreachable (expected: a"
          + " running Redis; start one or leave redis out of --stores)");
    }
  }

  /** Graph size and windows, from --size unless set one by one. */
  record Sizes(String name, int users, int edges, Duration warmup, Duration window) {
    /** The warm-up of each store's first workload: 10 s (2 s at the small size), or more if --warmup says so. */
    Duration firstWarmup() {
      Duration jit = name.equals("small") ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
      return warmup.compareTo(jit) > 0 ? warmup : jit;
    }

    static Sizes of(String size, Integer users, Integer edges, Duration warmup, Duration window) {
      Sizes base = switch (size) {
        case "default" -> new Sizes("default", 1_000_000, 10_000_000, Duration.ofSeconds(1), Duration.ofSeconds(3));
        case "small" -> new Sizes("small", 10_000, 100_000, Duration.ofMillis(200), Duration.ofMillis(500));
        default -> throw new IllegalArgumentException("size: " + size + " (expected: default or small)");
      };
      Sizes chosen = new Sizes(base.name, users != null ? users : base.users, edges != null ? edges : base.edges,
          warmup != null ? warmup : base.warmup, window != null ? window : base.window);
      if (chosen.users < 100 || chosen.edges < 1000 || chosen.edges > chosen.users * 200L) {
        throw new IllegalArgumentException("users/edges: " + chosen.users + "/" + chosen.edges
            + " (expected: users >= 100, edges 1000 to 200 per user)");
      }
      return chosen;
    }
  }

  void log(PrintStream stream) {
    this.log = stream;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put("max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    return env;
  }
}
