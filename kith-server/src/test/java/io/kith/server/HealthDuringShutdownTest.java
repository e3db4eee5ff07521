package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** While a server drains on its way down, {@code /health} says so, and a load balancer stops sending it requests. */
class HealthDuringShutdownTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(Clock.systemUTC(),
      builder -> builder.gracefulShutdown(Duration.ofSeconds(3), Duration.ofSeconds(5)));

  @Test
  void healthIsUnavailableWhileTheServerShutsDown() {
    TestApi api = server.api();
    assertThat(api.get("/health").status()).isEqualTo(200);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stopServer);
    Reply health = api.get("/health");
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (health.status() == 200 && System.nanoTime() < deadline) {
      health = api.get("/health");
    }

    assertThat(health.status()).as("%s", health).isEqualTo(503);
    assertThat(health.code()).isEqualTo("unavailable");
    assertThat(health.json().get("detail").asText()).isEqualTo("the server is shutting down");
    assertThat(health.header("retry-after")).isNotBlank();
    stopping.join();
  }
}
