package io.kith.bench.peer;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import io.kith.bench.driver.Graph;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport limit for {@code kith-http}: the same HTTP stack (Armeria on loopback, the same client) answering
 * every route at once, on the event loop, with a fixed response of the same size as Kith's (the samples the
 * {@code kith-http} run kept; fixed stand-ins of typical size if it did not run).
 */
public final class NoopHttpPeer extends HttpPeer {
  private Server server;

  public NoopHttpPeer(int[] viewers) {
    super("noop-http", new ConcurrentHashMap<>());
    for (int viewer : viewers) {
      tokens.put(viewer, "kith_noop");
    }
  }

  @Override
  public String settings() {
    return "Armeria server answering fixed bytes on the event loop (no store, no JSON work); " + super.settings();
  }

  @Override
  public void load(Graph graph) {
    Sample checks = sample("checks", 1500);
    Sample page = sample("page", 12000);
    Sample card = sample("card", 250);
    Sample follow = sample("follow", 250);
    Sample unfollow = SAMPLES.getOrDefault("unfollow", new Sample(204, "application/json", new byte[0]));
    server = Server.builder().http(0)
        .service("/v1/relationships", (ctx, req) -> respond(checks))
        .service("/v1/users/{id}/followers", (ctx, req) -> respond(page))
        .service("/v1/users/{id}", (ctx, req) -> respond(card))
        .service("/v1/me/following/{id}", (ctx, req) -> respond(
            req.method() == com.linecorp.armeria.common.HttpMethod.PUT ? follow : unfollow))
        .build();
    server.start().join();
    connect(server.activeLocalPort());
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
  }
}
