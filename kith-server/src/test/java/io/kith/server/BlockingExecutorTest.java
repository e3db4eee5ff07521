package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.kith.core.spi.KithStore;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests leave the event loop once: every store call (the authenticator's session and user reads included) runs
 * on the blocking task executor, and each request is exactly one task there, counted by Armeria's own executor
 * metrics.
 */
class BlockingExecutorTest {
  private static final List<String> callsOnEventLoop = new CopyOnWriteArrayList<>();
  private static final Pattern COMPLETED_TASKS = Pattern.compile(
      "(?m)^armeria_executor_completed_tasks_total\\{[^}]*name=\"blockingTaskExecutor\"[^}]*} (\\S+)$");

  @RegisterExtension
  static final KithServerExtension server = KithServerExtension.wrappingStore(BlockingExecutorTest::watched);

  private final TestApi api = server.api();

  /** The store, noting each call made on the event loop of the request it serves. */
  private static KithStore watched(KithStore store) {
    return (KithStore) Proxy.newProxyInstance(KithStore.class.getClassLoader(), new Class<?>[] {KithStore.class},
        (proxy, method, args) -> {
          ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
          if (ctx != null && ctx.eventLoop().inEventLoop()) {
            callsOnEventLoop.add(method.getName() + " for " + ctx.method() + " " + ctx.path());
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void noStoreCallRunsOnTheEventLoop() {
    Account me = api.signUp();
    Account other = api.signUp();
    api.logIn(me);
    assertThat(api.get("/v1/me", me.token()).status()).isEqualTo(200);
    assertThat(api.patch("/v1/me", me.token(), json(fields("bio", "hi"))).status()).isEqualTo(200);
    assertThat(api.put("/v1/me/following/" + other.id(), me.token()).status()).isEqualTo(200);
    assertThat(api.get("/v1/users/" + other.id() + "/followers", me.token()).status()).isEqualTo(200);
    assertThat(api.get("/v1/users/" + other.id() + "?include=known_followers", me.token()).status()).isEqualTo(200);
    assertThat(api.get("/v1/relationships?ids=" + other.id(), me.token()).status()).isEqualTo(200);
    assertThat(api.send("PUT", "/v1/me/mutes/" + other.id(), me.token(), json(fields("duration_seconds", 60)))
        .status()).isEqualTo(200);
    assertThat(api.get("/v1/me/suggestions", me.token()).status()).isEqualTo(200);
    assertThat(api.get("/v1/me", "kith_" + "A".repeat(43)).status()).isEqualTo(401);
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(api.delete("/v1/me", other.token()).status()).isEqualTo(204);

    assertThat(callsOnEventLoop).isEmpty();
  }

  @Test
  void eachRequestIsOneTaskOnTheBlockingExecutor() throws InterruptedException {
    Account me = api.signUp();
    Account other = api.signUp();
    int requests = 10;

    long before = completedTasks();
    for (int i = 0; i < requests; i++) {
      Reply reply = api.get("/v1/users/" + other.id(), me.token());
      assertThat(reply.status()).isEqualTo(200);
    }
    Thread.sleep(300); // a task is counted just after it hands its answer over
    long after = completedTasks();

    // The authenticated card reads (session, user, card) plus the first scrape itself.
    assertThat(after - before).isEqualTo(requests + 1);
  }

  private long completedTasks() {
    Reply metrics = api.get("/metrics");
    Matcher m = COMPLETED_TASKS.matcher(metrics.body());
    assertThat(m.find()).as("the blocking executor's completed tasks in /metrics").isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
