package io.kith.core;

import io.kith.core.internal.SnowflakeIdGenerator;
import java.time.Clock;

/** Issues unique, roughly time-ordered user ids. */
public interface IdGenerator {
  UserId next();

  /**
   * Snowflake-style ids: 41 bits of milliseconds since 2020-01-01, 10 bits of node id, 12 bits of sequence. Ids
   * from one generator are strictly increasing even if the clock steps back.
   *
   * @param nodeId 0-1023, unique among the nodes that share a store
   */
  static IdGenerator snowflake(int nodeId, Clock clock) {
    return new SnowflakeIdGenerator(nodeId, clock);
  }
}
