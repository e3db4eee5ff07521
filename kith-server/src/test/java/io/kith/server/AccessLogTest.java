package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.server.testing.Account;
import io.kith.server.testing.CapturedLog;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.TestApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access log names the user a request acted as, whether its route requires a token or only takes one. */
class AccessLogTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private final TestApi api = server.api();

  @Test
  void eachLineNamesTheAuthenticatedUserOrNone() throws InterruptedException {
    Account me = api.signUp();
    Account other = api.signUp();
    try (CapturedLog log = new CapturedLog()) {
      api.get("/v1/me", me.token());
      api.get("/v1/users/" + other.id(), me.token());
      api.get("/v1/users/" + other.id());
      api.get("/v1/me", "kith_" + "A".repeat(43));

      List<String> lines = awaitLines(log, 4);
      assertThat(lines.get(0)).contains("route=\"/v1/me\"", "status=200", "user=" + me.id() + " ");
      assertThat(lines.get(1)).contains("route=\"/v1/users/:id\"", "status=200", "user=" + me.id() + " ");
      assertThat(lines.get(2)).contains("route=\"/v1/users/:id\"", "status=200", "user=- ");
      assertThat(lines.get(3)).contains("route=\"/v1/me\"", "status=401", "user=- ");
    }
  }

  /** The GETs' lines: lines are written when a response is complete, just after the client has it. */
  private static List<String> awaitLines(CapturedLog log, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (gets(log).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return gets(log);
  }

  private static List<String> gets(CapturedLog log) {
    return log.messages("kith.access").stream().filter(line -> line.startsWith("method=GET ")).toList();
  }
}
