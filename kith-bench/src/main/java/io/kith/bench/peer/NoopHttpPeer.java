package io.kith.bench.peer;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import io.kith.bench.driver.Graph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport limit for {@code kith-http}: the same HTTP stack (Armeria on loopback, the same client) answering
 * every route at once, on the event loop, with a fixed response of the same size as Kith's (the samples the
 * {@code kith-http} run kept; fixed stand-ins of typical size if it did not run). Forked when {@code kith-http}'s
 * server is ({@link NoopServerMain} in a JVM of its own), so the two differ only in what answers.
 */
public final class NoopHttpPeer extends HttpPeer {
  private final List<String> forkJavaOptions;
  private final Path workDir;
  private Server server;
  private ForkedServer forked;

  /** {@code workDir} null: the server answers from this JVM; else from a JVM of its own started there. */
  public NoopHttpPeer(int[] viewers, List<String> forkJavaOptions, Path workDir) {
    super("noop-http", new ConcurrentHashMap<>());
    this.forkJavaOptions = List.copyOf(forkJavaOptions);
    this.workDir = workDir;
    for (int viewer : viewers) {
      tokens.put(viewer, "kith_noop");
    }
  }

  /** {@code forked} or {@code in-process}. */
  public String mode() {
    return workDir != null ? "forked" : "in-process";
  }

  @Override
  public String settings() {
    return "Armeria server answering fixed bytes on the event loop (no store, no JSON work), "
        + (forked != null ? "in its own JVM (" + forked.commandLine() + ")" : "in the bench's JVM") + "; "
        + super.settings();
  }

  @Override
  public void load(Graph graph) throws Exception {
    Map<String, Sample> samples = new LinkedHashMap<>();
    samples.put("checks", sample("checks", 1500));
    samples.put("page", sample("page", 12000));
    samples.put("card", sample("card", 250));
    samples.put("follow", sample("follow", 250));
    samples.put("unfollow", SAMPLES.getOrDefault("unfollow", new Sample(204, "application/json", new byte[0])));
    if (workDir == null) {
      server = server(samples, 0);
      server.start().join();
      connect(server.activeLocalPort());
      return;
    }
    Path dir = workDir.resolve("noop-samples");
    Files.createDirectories(dir);
    for (Map.Entry<String, Sample> sample : samples.entrySet()) {
      Files.write(dir.resolve(sample.getKey() + ".body"), sample.getValue().body());
      Files.writeString(dir.resolve(sample.getKey() + ".head"),
          sample.getValue().status() + " " + sample.getValue().contentType(), StandardCharsets.UTF_8);
    }
    forked = ForkedServer.startNoop(forkJavaOptions, dir, workDir);
    connect(forked.port());
  }

  /** The no-op server on {@code port} (0: any free one), answering each route with its sample. */
  static Server server(Map<String, Sample> samples, int port) {
    return Server.builder().http(port)
        .service("/v1/relationships", (ctx, req) -> respond(samples.get("checks")))
        .service("/v1/users/{id}/followers", (ctx, req) -> respond(samples.get("page")))
        .service("/v1/users/{id}", (ctx, req) -> respond(samples.get("card")))
        .service("/v1/me/following/{id}", (ctx, req) -> respond(
            samples.get(req.method() == HttpMethod.PUT ? "follow" : "unfollow")))
        .build();
  }

  /** The samples {@link #load} wrote into {@code dir}. */
  static Map<String, Sample> readSamples(Path dir) throws IOException {
    Map<String, Sample> samples = new LinkedHashMap<>();
    for (String kind : List.of("checks", "page", "card", "follow", "unfollow")) {
      String[] head = Files.readString(dir.resolve(kind + ".head"), StandardCharsets.UTF_8).split(" ", 2);
      samples.put(kind, new Sample(Integer.parseInt(head[0]), head[1], Files.readAllBytes(dir.resolve(kind + ".body"))));
    }
    return samples;
  }

  private static Sample sample(String kind, int typicalSize) {
    Sample sample = SAMPLES.get(kind);
    if (sample != null) {
      return sample;
    }
    StringBuilder body = new StringBuilder("{\"items\":[");
    while (body.length() < typicalSize) {
      body.append("{\"id\":\"1\",\"following\":false,\"followed_by\":false},");
    }
    body.setLength(body.length() - 1);
    body.append("],\"next_cursor\":null}");
    return new Sample(200, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse respond(Sample sample) {
    if (sample.body().length == 0) {
      return HttpResponse.of(HttpStatus.valueOf(sample.status()));
    }
    return HttpResponse.of(HttpStatus.valueOf(sample.status()), MediaType.parse(sample.contentType()),
        sample.body());
  }

  @Override
  public void close() throws Exception {
    super.close();
    if (server != null) {
      server.stop().join();
    }
    if (forked != null) {
      forked.close();
    }
  }
}
