package io.kith.bench.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The run's figures as a console/markdown table with Kith's ratios, a JSON file and an SVG chart. */
public final class Report {
  private final Graph graph;
  private final BenchCommand.Sizes sizes;
  private final int threads;
  private final List<Workload> workloads;
  private final List<Result> results = new ArrayList<>();
  private final List<LoadResult> loads = new ArrayList<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final Instant started = Instant.now();
  private final Map<String, String> httpServer = new LinkedHashMap<>();

  Report(Graph graph, BenchCommand.Sizes sizes, int threads, List<Workload> workloads) {
    this.graph = graph;
    this.sizes = sizes;
    this.threads = threads;
    this.workloads = workloads;
  }

  void add(Result result) {
    results.add(result);
  }

  void addLoad(LoadResult load) {
    loads.add(load);
  }

  void addSettings(String store, String text) {
    settings.put(store, text);
  }

  /** Where kith-http's server ran (forked or in-process) and, forked, its JVM's command line, heap and GC. */
  void httpServer(String mode, String jvm) {
    httpServer.put("mode", mode);
    httpServer.put("jvm", jvm);
  }

  public Map<String, String> httpServer() {
    return Map.copyOf(httpServer);
  }

  public List<Result> results() {
    return List.copyOf(results);
  }

  public List<LoadResult> loads() {
    return List.copyOf(loads);
  }

  public Optional<Result> result(String store, String workload) {
    return results.stream().filter(r -> r.store().equals(store) && r.workload().equals(workload)).findFirst();
  }

  void write(Path dir) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started", started.toString());
    json.put("graph", graph.description);
    json.put("size", sizes.name());
    json.put("threads", threads);
    json.put("warmupMillis", sizes.warmup().toMillis());
    json.put("firstWarmupMillis", sizes.firstWarmup().toMillis());
    json.put("windowMillis", sizes.window().toMillis());
    json.put("environment", BenchCommand.environment());
    json.put("settings", settings);
    if (!httpServer.isEmpty()) {
      json.put("kithHttpServer", httpServer);
    }
    json.put("loads", loads);
    json.put("results", results);
    json.put("kithRatios", ratios());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(),
        json);
    Files.writeString(dir.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("throughput.svg"), Chart.svg(workloads, results), StandardCharsets.UTF_8);
  }

  /** Kith's throughput divided by each peer's, per workload ("kith-http" against "noop-http" too). */
  Map<String, Map<String, Double>> ratios() {
    Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    for (Workload workload : workloads) {
      Map<String, Double> perPeer = new LinkedHashMap<>();
      Optional<Result> kith = result("kith", workload.label);
      for (Result peer : results) {
        if (peer.workload().equals(workload.label) && kith.isPresent() && !peer.store().equals("kith")
            && peer.opsPerSecond() > 0) {
          perPeer.put("kith/" + peer.store(), kith.get().opsPerSecond() / peer.opsPerSecond());
        }
      }
      Optional<Result> http = result("kith-http", workload.label);
      Optional<Result> noop = result("noop-http", workload.label);
      if (http.isPresent() && noop.isPresent() && noop.get().opsPerSecond() > 0) {
        perPeer.put("kith-http/noop-http", http.get().opsPerSecond() / noop.get().opsPerSecond());
      }
      ratios.put(workload.label, perPeer);
    }
    return ratios;
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Graph: %s. %d client threads (follow-1-thread: 1), warm-up %.1f s"
            + " (%.1f s for each store's first workload, for the JIT), measured window %.1f s per workload."
            + " Started %s.%n%n", graph.description, threads, sizes.warmup().toMillis() / 1e3,
        sizes.firstWarmup().toMillis() / 1e3, sizes.window().toMillis() / 1e3, started));
    if (!httpServer.isEmpty()) {
      md.append("kith-http's server: ").append(httpServer.get("mode").equals("forked")
          ? "forked, in its own JVM (" + httpServer.get("jvm") + ")"
          : "in-process, in the bench's JVM").append(".\n\n");
    }
    md.append("| store | load s | edges/s loaded | bytes per edge | measured as |\n|---|---:|---:|---:|---|\n");
    for (LoadResult load : loads) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %s | %s |%n", load.store(), load.seconds(),
          load.edgesPerSecond(), Double.isNaN(load.bytesPerEdge()) ? "n/a" : String.format(Locale.ROOT, "%.1f",
              load.bytesPerEdge()), load.footprintKind()));
    }
    for (Workload workload : workloads) {
      md.append("\n**").append(workload.label).append("**\n\n");
      md.append("| store | threads | ops/s | p50 µs | p99 µs | p99.9 µs | CPU machine % | CPU bench JVM % |"
          + " CPU other % | kith ÷ store |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      Optional<Result> kith = result("kith", workload.label);
      for (Result r : results) {
        if (!r.workload().equals(workload.label)) {
          continue;
        }
        String ratio = kith.isPresent() && !r.store().equals("kith") && r.opsPerSecond() > 0
            ? String.format(Locale.ROOT, "%.2f", kith.get().opsPerSecond() / r.opsPerSecond()) : "";
        md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %,.0f | %,.0f | %.0f | %.0f | %.0f | %s |%s%n",
            r.store(), r.threads(), r.opsPerSecond(), r.p50Micros(), r.p99Micros(), r.p999Micros(),
            r.cpuMachinePercent(), r.cpuJvmPercent(), r.cpuOtherPercent(), ratio,
            r.errors() > 0 ? " errors: " + r.errors() + " (" + r.firstError() + ")" : ""));
      }
    }
    md.append("\nSettings:\n\n");
    settings.forEach((store, text) -> md.append("- `").append(store).append("`: ").append(text).append('\n'));
    BenchCommand.environment().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value)
        .append('\n'));
    return md.toString();
  }
}
