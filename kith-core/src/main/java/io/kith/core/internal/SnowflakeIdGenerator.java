package io.kith.core.internal;

import io.kith.core.IdGenerator;
import io.kith.core.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

public final class SnowflakeIdGenerator implements IdGenerator {
  static final long EPOCH_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
  static final int NODE_BITS = 10;
  static final int SEQUENCE_BITS = 12;
  static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final long nodeBits;
  private final Clock clock;
  /** The last (millis, sequence) issued, packed as millis << SEQUENCE_BITS | sequence. */
  private final AtomicLong last = new AtomicLong();

  public SnowflakeIdGenerator(int nodeId, Clock clock) {
    if (nodeId < 0 || nodeId >= 1 << NODE_BITS) {
      throw new IllegalArgumentException("nodeId: " + nodeId + " (expected: 0-" + ((1 << NODE_BITS) - 1) + ")");
    }
    this.nodeBits = (long) nodeId << SEQUENCE_BITS;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public UserId next() {
    long now = Math.max(1, clock.millis() - EPOCH_MILLIS);
    long issued = last.updateAndGet(previous -> {
      long candidate = now << SEQUENCE_BITS;
      // Same millisecond, or the clock stepped back: continue the sequence (borrowing from the next millisecond).
      return candidate > previous ? candidate : previous + 1;
    });
    long millis = issued >>> SEQUENCE_BITS;
    long sequence = issued & SEQUENCE_MASK;
    return UserId.of(millis << (NODE_BITS + SEQUENCE_BITS) | nodeBits | sequence);
  }

  /** The id made of {@code millis} since the epoch, {@code nodeId} and {@code sequence}. */
  static UserId id(long millis, int nodeId, long sequence) {
    return UserId.of(millis << (NODE_BITS + SEQUENCE_BITS) | (long) nodeId << SEQUENCE_BITS | sequence);
  }
}
