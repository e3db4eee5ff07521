package io.kith.bench.driver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU use over a window: the whole machine's (from /proc/stat) and this JVM's, both as a share of all cores, so a
 * report shows whether both cores were busy and how much went to other processes (a database server, or another
 * tenant of the machine).
 */
final class CpuSampler {
  /** Machine and process CPU at one instant. */
  record Snapshot(long machineBusy, long machineTotal, long processNanos, long wallNanos) {}

  /** Machine busy share, this JVM's share and the rest, in percent of all cores. */
  record Usage(double machinePercent, double jvmPercent, double otherPercent) {}

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  static Snapshot now() {
    long busy = 0;
    long total = 0;
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      for (int i = 1; i < fields.length && i <= 8; i++) {
        long value = Long.parseLong(fields[i]);
        total += value;
        if (i != 4 && i != 5) { // idle and iowait
          busy += value;
        }
      }
    } catch (IOException | RuntimeException e) {
      total = -1; // not Linux: machine share unknown
    }
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Snapshot(busy, total, process, System.nanoTime());
  }

  static Usage between(Snapshot start, Snapshot end) {
    double wall = Math.max(1, end.wallNanos() - start.wallNanos());
    double jvm = 100.0 * (end.processNanos() - start.processNanos()) / (wall * CORES);
    if (start.machineTotal() < 0 || end.machineTotal() <= start.machineTotal()) {
      return new Usage(Double.NaN, jvm, Double.NaN);
    }
    double machine = 100.0 * (end.machineBusy() - start.machineBusy()) / (end.machineTotal() - start.machineTotal());
    return new Usage(machine, jvm, Math.max(0, machine - jvm));
  }
}
