package io.kith.bench.peer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.kith.bench.driver.Graph;
import io.kith.core.UserId;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import io.kith.server.KithServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * A real Kith server on loopback over the data directory the {@code kith} peer loaded (or one it imports), with
 * sessions for the benchmark's viewers written straight into the store before the server opens it: creating a
 * million accounts over HTTP would measure Argon2, not the graph. The server runs either in a JVM of its own,
 * started as {@code ./kith serve} starts it ({@code forked}, as users run it), or in this process
 * ({@code in-process}, sharing the client's heap, JIT and cores).
 */
public final class KithHttpPeer extends HttpPeer {
  /** How the forked server is started: the runnable jar (null: this JVM's class path) and its JVM flags. */
  public record Fork(Path serverJar, List<String> javaOptions, Path workDir) {}

  private final KithPeer storage;
  private final int[] viewers;
  private final boolean alreadyLoaded;
  private final Fork fork;
  private KithServer server;
  private ForkedServer forked;
  private String serverJvm = "";

  /** {@code fork} null: the server runs in this process. */
  public KithHttpPeer(KithPeer storage, int[] viewers, boolean alreadyLoaded, Fork fork) {
    super("kith-http", new ConcurrentHashMap<>());
    this.storage = storage;
    this.viewers = viewers;
    this.alreadyLoaded = alreadyLoaded;
    this.fork = fork;
  }

  /** {@code forked} or {@code in-process}. */
  public String mode() {
    return fork != null ? "forked" : "in-process";
  }

  /** The forked server's command line, heap limit and collector; empty in-process. */
  public String serverJvm() {
    return serverJvm;
  }

  /** The forked server, while it runs (for tests). */
  public Optional<ForkedServer> forkedServer() {
    return Optional.ofNullable(forked);
  }

  @Override
  public String settings() {
    String where = fork != null
        ? "in its own JVM, started as ./kith serve starts it (" + serverJvm + ")"
        : "in-process, in the bench's JVM (sharing its heap, JIT and cores)";
    return "kith-server (Armeria) " + where + ", on loopback over the kith store (sync=true), per-request access"
        + " log off; " + super.settings();
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
    if (fork != null) {
      // The store stays closed here: the forked server opens the same directory (RocksDB allows one opener).
      forked = ForkedServer.start(fork.serverJar(), fork.javaOptions(), storage.dataDir(), fork.workDir());
      serverJvm = "pid " + forked.pid() + ", " + forked.heapAndCollector() + ": " + forked.commandLine();
      connect(forked.port());
      return;
    }
    storage.open();
    // One log line per request would measure the console, not the server.
    ((Logger) LoggerFactory.getLogger("kith.access")).setLevel(Level.WARN);
    server = KithServer.builder().store(storage.store()).port(0)
        .followLimitPerMinute(1_000_000).followLimitPerDay(1_000_000).build().start();
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
    if (forked != null) {
      forked.close();
    }
    storage.closeStore();
  }
}
