package io.kith.bench.peer;

import com.linecorp.armeria.server.Server;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code noop-http}'s server in a JVM of its own (see {@link NoopHttpPeer}): answers each route with the sample in
 * the directory given, until SIGTERM.
 */
public final class NoopServerMain {
  private NoopServerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: NoopServerMain SAMPLES_DIR");
      System.exit(2);
    }
    Server server = NoopHttpPeer.server(NoopHttpPeer.readSamples(Path.of(args[0])), 0);
    server.start().join();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop().join(), "noop-http-stop"));
    System.out.println("noop-http listening on http://localhost:" + server.activeLocalPort());
    System.out.flush();
    new CountDownLatch(1).await(); // until SIGTERM: the hook stops the server and the JVM exits
  }
}
