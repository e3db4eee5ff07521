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
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a free port over a real RocksDB store in a temporary directory, shared by one test class:
 * started before all its tests, stopped (then the store closed and deleted) after them.
 */
public final class KithServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Clock clock;
  private Path dataDir;
  private KithStore store;
  private KithServer server;
  private TestApi api;

  public KithServerExtension() {
    this(Clock.systemUTC());
  }

  public KithServerExtension(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("kith-server-test");
    store = StoreProvider.named("rocksdb")
        .open(StoreConfig.of(Map.of("path", dataDir.toString(), "sync", "false")));
    KithServerBuilder builder = KithServer.builder()
        .store(store)
        .port(0)
        .clock(clock)
        .tokenLifetime(Duration.ofHours(1))
        // Cheap hashing keeps the suite fast; the format and algorithm are the production ones.
        .argon2(64, 1, 1)
        .gracefulShutdown(Duration.ZERO, Duration.ofSeconds(5));
    server = builder.build().start();
    api = new TestApi(server.uri());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) {
        server.stop();
      }
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
