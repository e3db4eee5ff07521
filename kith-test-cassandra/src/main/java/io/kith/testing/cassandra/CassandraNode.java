package io.kith.testing.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real Cassandra 5.0 node in a child JVM on JDK 17, from the jars of cassandra-all (kith-test-cassandra's
 * target/cassandra-lib), with a minimal cassandra.yaml and its data under {@code dir}. Started and stopped by its
 * process only: {@link #kill()} is SIGKILL, a crash; {@link #stop()} asks politely first.
 */
public final class CassandraNode {
  /** Cassandra's conf/jvm17-server.options JPMS flags: without them 5.0 does not start on 17. */
  private static final List<String> JPMS = List.of(
      "-Djdk.attach.allowAttachSelf=true",
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED");

  private final String address;
  private final int nativePort;
  private final int storagePort;
  private final String seeds;
  private final Path dir;
  private final int heapMb;
  private Process process;

  CassandraNode(String address, int nativePort, int storagePort, String seeds, Path dir, int heapMb) {
    this.address = address;
    this.nativePort = nativePort;
    this.storagePort = storagePort;
    this.seeds = seeds;
    this.dir = dir;
    this.heapMb = heapMb;
  }

  /** The node's loopback address (listen and CQL). */
  public String address() {
    return address;
  }

  /** Starts the node's JVM (again, after {@link #kill()}: on the same data); returns at once, not when ready. */
  public synchronized void start() {
    if (isAlive()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path yaml = dir.resolve("cassandra.yaml");
      Files.writeString(yaml, yaml());
      Path logback = dir.resolve("logback.xml");
      Files.writeString(logback, """
          <configuration>
            <appender name="FILE" class="ch.qos.logback.core.FileAppender">
              <file>%s</file>
              <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{20} - %%msg%%n</pattern></encoder>
            </appender>
            <root level="INFO"><appender-ref ref="FILE"/></root>
          </configuration>
          """.formatted(dir.resolve("system.log")));
      List<String> command = new ArrayList<>();
      command.add(Jdk17.java().orElseThrow(() -> new IllegalStateException(Jdk17.missing())).toString());
      command.addAll(List.of("-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", "-XX:+UseG1GC",
          "-XX:ActiveProcessorCount=2", "-Xss512k"));
      command.addAll(JPMS);
      command.addAll(List.of(
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dcassandra-foreground=yes",
          "-Dcassandra.config=" + yaml.toUri(),
          "-Dlogback.configurationFile=" + logback,
          "-Dcassandra.logdir=" + dir,
          "-Dcassandra.storagedir=" + dir,
          "-Dcassandra.ring_delay_ms=3000",
          "-Dcassandra.skip_wait_for_gossip_to_settle=0",
          "-Dcassandra.superuser_setup_delay_ms=0",
          "-Dcassandra.initial_token_allocation_nodes=3",
          "-cp", CassandraCluster.libDir() + "/*",
          "org.apache.cassandra.service.CassandraDaemon"));
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: the node dies as in a crash, with whatever its commit log had not synced. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
    }
  }

  /** Stops the node politely (SIGTERM), forcibly after 20 s. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      waitFor(process);
    }
  }

  /** The end of the node's log, for failure messages. */
  public String logTail() {
    try {
      Path log = Files.exists(dir.resolve("system.log")) ? dir.resolve("system.log") : dir.resolve("stdout.log");
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String yaml() {
    return """
        cluster_name: kith_test
        num_tokens: 4
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        data_file_directories:
          - %1$s/data
        commitlog_directory: %1$s/commitlog
        saved_caches_directory: %1$s/saved_caches
        hints_directory: %1$s/hints
        cdc_raw_directory: %1$s/cdc_raw
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "%2$s"
        listen_address: %3$s
        rpc_address: %3$s
        storage_port: %4$d
        native_transport_port: %5$d
        start_native_transport: true
        auto_snapshot: false
        snapshot_on_duplicate_row_detection: false
        concurrent_reads: 8
        concurrent_writes: 8
        concurrent_counter_writes: 4
        concurrent_compactors: 1
        memtable_heap_space: 48MiB
        memtable_offheap_space: 48MiB
        key_cache_size: 8MiB
        prepared_statements_cache_size: 8MiB
        hinted_handoff_enabled: true
        max_hint_window: 3h
        read_request_timeout: 5000ms
        write_request_timeout: 5000ms
        cas_contention_timeout: 3000ms
        truncate_request_timeout: 60000ms
        request_timeout: 10000ms
        batch_size_warn_threshold: 64KiB
        batch_size_fail_threshold: 640KiB
        """.formatted(dir.toAbsolutePath(), seeds, address, storagePort, nativePort);
  }
}
