package io.kith.bench.driver;

import io.kith.bench.peer.Peer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed loop: N client threads each send a request, wait for its answer and send the next, through a warm-up
 * and then a measured window. Latencies go into one HdrHistogram per thread (merged at the end, so recording never
 * contends); an operation counts if it started inside the window.
 */
final class LoadRunner {
  private static final int WARMUP = 0;
  private static final int MEASURE = 1;
  private static final int STOP = 2;

  private LoadRunner() {}

  /**
   * Runs {@code workload}; with {@code ratePerSecond > 0} each thread paces its share of that rate (open loop) and
   * a latency counts from when the request was due, so a stall is not hidden by the requests it delayed.
   */
  static Result run(Peer peer, Workload workload, Context context, int configuredThreads, Duration warmup,
                    Duration window, long seed, double ratePerSecond) throws InterruptedException {
    int threads = workload.threads(configuredThreads);
    long intervalNanos = ratePerSecond > 0 ? (long) (1e9 * threads / ratePerSecond) : 0;
    Histogram[] histograms = new Histogram[threads];
    long[] errors = new long[threads];
    AtomicReference<String> firstError = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicInteger phaseFlag = new java.util.concurrent.atomic.AtomicInteger(WARMUP);
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      histograms[t] = new Histogram(3_600_000_000L, 3);
      ThreadState state = new ThreadState(seed * 31 + t);
      Thread client = Thread.ofPlatform().name("bench-" + peer.name() + "-" + t).start(() -> {
        Histogram histogram = histograms[index];
        long due = System.nanoTime() + (intervalNanos > 0 ? state.random.nextLong(intervalNanos) : 0);
        while (true) {
          int current = phaseFlag.get();
          if (current == STOP) {
            return;
          }
          long start = System.nanoTime();
          if (intervalNanos > 0) {
            if (due > start) {
              java.util.concurrent.locks.LockSupport.parkNanos(due - start);
            }
            start = due;
            due += intervalNanos;
          }
          try {
            workload.op(peer, context, state);
          } catch (RuntimeException e) {
            if (current == MEASURE) {
              errors[index]++;
            }
            firstError.compareAndSet(null, e.toString());
            continue;
          }
          if (current == MEASURE) {
            histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
          }
        }
      });
      clients.add(client);
    }
    Thread.sleep(warmup.toMillis());
    CpuSampler.Snapshot cpuStart = CpuSampler.now();
    long started = System.nanoTime();
    phaseFlag.set(MEASURE);
    Thread.sleep(window.toMillis());
    phaseFlag.set(STOP);
    long elapsed = System.nanoTime() - started;
    CpuSampler.Snapshot cpuEnd = CpuSampler.now();
    for (Thread client : clients) {
      client.join();
    }
    Histogram all = new Histogram(3_600_000_000L, 3);
    long errorCount = 0;
    for (int t = 0; t < threads; t++) {
      all.add(histograms[t]);
      errorCount += errors[t];
    }
    CpuSampler.Usage cpu = CpuSampler.between(cpuStart, cpuEnd);
    long operations = all.getTotalCount();
    return new Result(peer.name(), workload.label, threads, operations, errorCount, firstError.get(),
        operations / (elapsed / 1e9), all.getValueAtPercentile(50), all.getValueAtPercentile(99),
        all.getValueAtPercentile(99.9), all.getMaxValue(), cpu.machinePercent(), cpu.jvmPercent(),
        cpu.otherPercent());
  }
}
