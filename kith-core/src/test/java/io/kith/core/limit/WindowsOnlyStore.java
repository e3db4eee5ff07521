package io.kith.core.limit;

import io.kith.core.spi.KithStore;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The rate windows of the store SPI, in memory, exactly as the SPI states them (kith-store-tck holds both real
 * stores to the same contract); every other call fails, so a test cannot lean on anything else. kith-core cannot
 * depend on a real store: they depend on it.
 */
final class WindowsOnlyStore {
  private final Map<String, ConcurrentSkipListMap<Long, Long>> windows = new ConcurrentHashMap<>();

  KithStore store() {
    return (KithStore) Proxy.newProxyInstance(KithStore.class.getClassLoader(), new Class<?>[] {KithStore.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "addToWindow" -> {
            add((String) args[0], (String) args[1], (long) args[2], (long) args[3]);
            yield null;
          }
          case "windowCounts" -> counts((String) args[0], (String) args[1], (long) args[2], (long) args[3]);
          case "pruneWindows" -> {
            prune((String) args[0], (long) args[1]);
            yield null;
          }
          case "toString" -> "WindowsOnlyStore";
          default -> throw new UnsupportedOperationException(method.getName() + " (only rate windows here)");
        });
  }

  /** How many buckets {@code limiter} keeps over every subject: what pruning has left. */
  int buckets(String limiter) {
    return windows.entrySet().stream().filter(e -> e.getKey().startsWith(limiter + "\u0000"))
        .mapToInt(e -> e.getValue().size()).sum();
  }

  private void add(String limiter, String subject, long bucket, long delta) {
    windows.computeIfAbsent(limiter + "\u0000" + subject, k -> new ConcurrentSkipListMap<>())
        .merge(bucket, delta, Long::sum);
  }

  private long[] counts(String limiter, String subject, long from, long to) {
    long[] counts = new long[(int) (to - from + 1)];
    Map<Long, Long> buckets = windows.getOrDefault(limiter + "\u0000" + subject, new ConcurrentSkipListMap<>());
    for (long bucket = from; bucket <= to; bucket++) {
      counts[(int) (bucket - from)] = buckets.getOrDefault(bucket, 0L);
    }
    return counts;
  }

  private void prune(String limiter, long before) {
    windows.forEach((key, buckets) -> {
      if (key.startsWith(limiter + "\u0000")) {
        buckets.headMap(before).clear();
      }
    });
  }
}
