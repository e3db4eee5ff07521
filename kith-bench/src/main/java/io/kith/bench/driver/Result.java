package io.kith.bench.driver;

/** One store's figures for one workload: throughput, latency percentiles in microseconds, CPU use. */
public record Result(String store, String workload, int threads, long operations, long errors, String firstError,
                     double opsPerSecond, double p50Micros, double p99Micros, double p999Micros, double maxMicros,
                     double cpuMachinePercent, double cpuJvmPercent, double cpuOtherPercent) {}
