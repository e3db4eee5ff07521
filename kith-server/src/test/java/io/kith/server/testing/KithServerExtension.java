package io.kith.server.testing;

import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.server.KithServer;
import io.kith.server.KithServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a free port over a real RocksDB store in a temporary directory, shared by one test class:
 * started before all its tests, stopped (then the store closed and deleted) after them. {@link #over} serves
 * another store instead (e.g. Cassandra), opened before all tests and closed after them.
 */
public final class KithServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Clock clock;
  private final UnaryOperator<KithServerBuilder> configure;
  /** Opens the store to serve; null: RocksDB in a fresh temporary directory. */
  private final Supplier<KithStore> opener;
  /** Wraps the store before the server gets it (e.g. to inject failures). */
  private UnaryOperator<KithStore> wrap = UnaryOperator.identity();
  private Path dataDir;
  private KithStore store;
  private KithServer server;
  private TestApi api;

  public KithServerExtension() {
    this(Clock.systemUTC());
  }

  public KithServerExtension(Clock clock) {
    this(clock, UnaryOperator.identity());
  }

  /** {@code configure} adjusts the builder after the test defaults, e.g. to set small limits. */
  public KithServerExtension(Clock clock, UnaryOperator<KithServerBuilder> configure) {
    this(clock, configure, null);
  }

  private KithServerExtension(Clock clock, UnaryOperator<KithServerBuilder> configure, Supplier<KithStore> opener) {
    this.clock = clock;
    this.configure = configure;
    this.opener = opener;
  }

  /**
   * A server over the store {@code opener} opens when the test class starts (and again on {@link #restart()}); the
   * extension closes it. Several such servers over one shared store (with distinct {@code nodeId}s set by
   * {@code configure}) are several stateless Kith nodes.
   */
  public static KithServerExtension over(Supplier<KithStore> opener, UnaryOperator<KithServerBuilder> configure) {
    return new KithServerExtension(Clock.systemUTC(), configure, opener);
  }

  /**
   * A server over RocksDB in a fresh temporary directory, as the default, but wrapped by {@code wrap} (e.g. a store
   * that fails on purpose); {@link #store()} is the wrapped store.
   */
  public static KithServerExtension wrappingStore(UnaryOperator<KithStore> wrap) {
    KithServerExtension extension = new KithServerExtension();
    extension.wrap = wrap;
    return extension;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (opener == null) {
      dataDir = Files.createTempDirectory("kith-server-test");
    }
    openAndStart();
  }

  private void openAndStart() {
    store = wrap.apply(opener != null ? opener.get() : StoreProvider.named("rocksdb")
        .open(StoreConfig.of(Map.of("path", dataDir.toString(), "sync", "false"))));
    KithServerBuilder builder = KithServer.builder()
        .store(store)
        .port(0)
        .clock(clock)
        .tokenLifetime(Duration.ofHours(1))
        // Cheap hashing keeps the suite fast; the format and algorithm are the production ones.
        .argon2(64, 1, 1)
        .gracefulShutdown(Duration.ZERO, Duration.ofSeconds(5))
        // All test requests come from one address and a few users: tests of the limits set small ones.
        .signupLimitPerIpHour(1_000_000)
        .followLimitPerDay(1_000_000)
        .followLimitPerMinute(1_000_000)
        .loginFailureLimit(1_000)
        .loginFailureLimitPerAddress(1_000);
    server = configure.apply(builder).build().start();
    api = new TestApi(server.uri());
  }

  /** Stops the server and closes the store, then opens the same data directory again with a new server. */
  public void restart() {
    stopServer();
    store.close();
    store = null;
    openAndStart();
  }

  /** Stops the server but keeps the store open, to inspect what the requests left behind. */
  public void stopServer() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      stopServer();
    } finally {
      if (store != null) {
        store.close();
      }
      deleteRecursively(dataDir);
    }
  }

  public TestApi api() {
    return api;
  }

  /** The store under the server, for checking what a request did or did not change. */
  public KithStore store() {
    return store;
  }

  public URI uri() {
    return server.uri();
  }

  /** The running server, for what only it can do (e.g. refreshing the popular accounts now). */
  public KithServer server() {
    return server;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
