package io.kith.server.bench;

import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.Session;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.server.KithServer;
import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Times a private account going public with N pending follow requests, over HTTP on a real RocksDB store, and
 * checks the result is exact. Run by hand (not a test):
 *
 * <pre>
 * java -cp kith-server/target/test-classes:kith-server/target/classes:$(cat cp.txt) \
 *     io.kith.server.bench.ApprovalBench 50000 true
 * </pre>
 *
 * Arguments: the number of requests (default 50000) and whether the timed part fsyncs every write (default true).
 * The requests are written straight to the store (with sync off) to keep the setup short; the store is then
 * reopened as configured and only the PATCH that approves them is timed.
 */
public final class ApprovalBench {
  private ApprovalBench() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    String sync = args.length > 1 ? args[1] : "true";
    Path dir = Files.createTempDirectory("kith-approval-bench");
    Instant now = Instant.now();
    UserId owner = UserId.of(1);
    String hash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

    long setupStart = System.nanoTime();
    try (KithStore store = open(dir, "false")) {
      store.createUser(new User(owner, Handle.parse("handle", "owner"), "", "", null, true, now), hash);
      for (int i = 0; i < requests; i++) {
        UserId requester = UserId.of(1_000 + i);
        store.createUser(new User(requester, Handle.parse("handle", "r" + i), "", "", null, false, now), hash);
        FollowOutcome outcome = store.follow(requester, owner, now.plusMillis(i));
        if (outcome != FollowOutcome.REQUESTED) {
          throw new IllegalStateException("expected a request, got " + outcome);
        }
      }
    }
    System.out.printf("setup: %d pending requests in %.1f s%n", requests, seconds(setupStart));

    try (KithStore store = open(dir, sync)) {
      KithServer server = KithServer.builder().store(store).port(0).argon2(64, 1, 1).build().start();
      try {
        TestApi api = new TestApi(server.uri());
        String token = issueToken(store, owner);
        long start = System.nanoTime();
        Reply reply = api.patch("/v1/me", token, "{\"private\": false}");
        double took = seconds(start);
        if (reply.status() != 200) {
          throw new IllegalStateException("PATCH failed: " + reply);
        }
        long followers = reply.json().at("/counts/followers").asLong();
        long pending = api.get("/v1/me/follow-requests?limit=100", token).json().get("items").size();
        System.out.printf("approved %d requests (sync=%s) in %.2f s: followers=%d, pending=%d%n",
            requests, sync, took, followers, pending);
        if (followers != requests || pending != 0) {
          throw new IllegalStateException("not exact: followers " + followers + ", pending " + pending);
        }
      } finally {
        server.stop();
      }
    }
  }

  /** A session written straight to the store: the bench's users have no real password. */
  private static String issueToken(KithStore store, UserId owner) {
    String token = new BearerTokens().newToken();
    Instant now = Instant.now();
    store.createSession(new Session(BearerTokens.hash(token), owner, now, now.plus(Duration.ofHours(1))));
    return token;
  }

  private static KithStore open(Path dir, String sync) {
    return StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dir.toString(), "sync", sync)));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
