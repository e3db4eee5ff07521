package io.kith.testing.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A real Cassandra cluster of loopback nodes (127.0.0.1, .2, .3 ... on Linux every 127/8 address is local), started
 * one after another. Ready means: a driver connects and sees every node UP, never a sleep. Every node is stopped by
 * its process on {@link #close()} and, should the test JVM end first, by a shutdown hook.
 */
public final class CassandraCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  private final List<CassandraNode> nodes = new ArrayList<>();
  private final int nativePort;
  private final Thread stopper = new Thread(this::close, "stop-cassandra-nodes");

  private CassandraCluster(String name, int size, int heapMb) {
    List<String> addresses = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      addresses.add("127.0.0." + i);
    }
    this.nativePort = freePort(addresses);
    int storagePort = freePort(addresses);
    Path root = Path.of(System.getProperty("kith.cassandra.work", "target/cassandra-nodes"))
        .resolve(name + "-" + ProcessHandle.current().pid());
    for (int i = 0; i < size; i++) {
      nodes.add(new CassandraNode(addresses.get(i), nativePort, storagePort, addresses.get(0) + ":" + storagePort,
          root.resolve("node" + (i + 1)), heapMb));
    }
    Runtime.getRuntime().addShutdownHook(stopper);
  }

  /**
   * Starts {@code size} nodes and waits until a client sees them all UP. {@code name} names the nodes' directory
   * (under the {@code kith.cassandra.work} system property, default target/cassandra-nodes).
   */
  public static CassandraCluster start(String name, int size, int heapMb) {
    CassandraCluster cluster = new CassandraCluster(name, size, heapMb);
    try {
      for (CassandraNode node : cluster.nodes) {
        node.start();
        cluster.awaitUp(node);
      }
      cluster.awaitAllUp();
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Cassandra's jars: the {@code kith.cassandra.lib} system property, default the sibling module's
   * ../kith-test-cassandra/target/cassandra-lib (tests run in their module's directory).
   */
  public static Path libDir() {
    Path lib = Path.of(System.getProperty("kith.cassandra.lib", "../kith-test-cassandra/target/cassandra-lib"));
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException("Cassandra's jars are missing at " + lib.toAbsolutePath()
          + ": build with -am (./mvnw install -pl kith-store-cassandra -am) so kith-test-cassandra copies them");
    }
    return lib.toAbsolutePath();
  }

  /** The nodes, in start order: 127.0.0.1, .2, ... */
  public List<CassandraNode> nodes() {
    return List.copyOf(nodes);
  }

  /** The CQL port, the same on every node (each listens on its own address). */
  public int nativePort() {
    return nativePort;
  }

  /** A client of the whole cluster; the caller closes it. */
  public CqlSession connect() {
    return session(nodes.get(0).address(), Duration.ofSeconds(10));
  }

  /** {@code host:port} of every node, the form of the {@code contact_points} setting. */
  public String contactPoints() {
    return nodes.stream().map(node -> node.address() + ":" + nativePort).collect(Collectors.joining(","));
  }

  /** Waits until {@code node} accepts CQL connections. */
  public void awaitUp(CassandraNode node) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      if (!node.isAlive()) {
        throw new IllegalStateException("Cassandra node " + node.address() + " exited:\n" + node.logTail());
      }
      try (CqlSession session = session(node.address(), Duration.ofSeconds(5))) {
        session.execute("SELECT release_version FROM system.local");
        return;
      } catch (RuntimeException e) {
        last = e;
        pause();
      }
    }
    throw new IllegalStateException("Cassandra node " + node.address() + " not up after " + START_TIMEOUT + ": "
        + last + "\n" + node.logTail(), last);
  }

  /** Waits until a client connected to the cluster sees every node UP. */
  public void awaitAllUp() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try (CqlSession session = connect()) {
        Map<java.util.UUID, Node> known = session.getMetadata().getNodes();
        long up = known.values().stream().filter(n -> n.getState() == NodeState.UP).count();
        if (known.size() == nodes.size() && up == nodes.size()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet: a node is still joining
      }
      pause();
    }
    throw new IllegalStateException("not all " + nodes.size() + " Cassandra nodes UP after " + START_TIMEOUT);
  }

  @Override
  public void close() {
    for (CassandraNode node : nodes) {
      node.stop();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // called by the hook itself
    }
  }

  private CqlSession session(String address, Duration timeout) {
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(address, nativePort))
        .withLocalDatacenter("datacenter1")
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
            .build())
        .build();
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Cassandra", e);
    }
  }

  /** A port free on every one of {@code addresses}. */
  private static int freePort(List<String> addresses) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      boolean free = true;
      for (String address : addresses) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
          socket.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
          break;
        }
      }
      if (free) {
        return port;
      }
    }
    throw new UncheckedIOException(new IOException("no free port on " + addresses));
  }
}
