package io.kith.bench.peer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.kith.bench.driver.Graph;
import io.kith.core.UserId;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import io.kith.server.KithServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * A real Kith server on loopback, started in this process on the data directory the {@code kith} peer loaded (or
 * one it imports), with sessions for the benchmark's viewers written straight into the store: creating a million
 * accounts over HTTP would measure Argon2, not the graph.
 */
public final class KithHttpPeer extends HttpPeer {
  private final KithPeer storage;
  private final int[] viewers;
  private final boolean alreadyLoaded;
  private KithServer server;

  public KithHttpPeer(KithPeer storage, int[] viewers, boolean alreadyLoaded) {
    super("kith-http", new ConcurrentHashMap<>());
    this.storage = storage;
    this.viewers = viewers;
    this.alreadyLoaded = alreadyLoaded;
  }

  @Override
  public String settings() {
    return "kith-server (Armeria) in-process on loopback over the kith store (sync=true), per-request access log"
        + " off; " + super.settings();
  }

  @Override
  public void load(Graph graph) throws Exception {
    if (!alreadyLoaded) {
      storage.load(graph);
      storage.closeStore();
    }
    storage.open(false); // the viewers' sessions are setup, not measured: no fsync per session
    SplittableRandom random = new SplittableRandom(7);
    Instant now = Instant.now();
    for (int viewer : viewers) {
      byte[] secret = new byte[32];
      for (int i = 0; i < secret.length; i++) {
        secret[i] = (byte) random.nextInt(256);
      }
      // The server's token shape: "kith_" + 32 bytes in unpadded base64url; only its SHA-256 is stored.
      String token = "kith_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      storage.store().createSession(new Session(TokenHash.of(hash), UserId.of(viewer), now,
          now.plus(Duration.ofDays(1))));
      tokens.put(viewer, token);
    }
    storage.closeStore();
    storage.open();
    // One log line per request would measure the console, not the server.
    ((Logger) LoggerFactory.getLogger("kith.access")).setLevel(Level.WARN);
    server = KithServer.builder().store(storage.store()).port(0).build().start();
    connect(server.port());
  }

  @Override
  public long footprintBytes() throws Exception {
    return storage.footprintBytes();
  }

  @Override
  public void close() throws Exception {
    super.close();
    if (server != null) {
      server.stop();
    }
    storage.closeStore();
  }
}
