package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.UserId;
import java.util.UUID;

/**
 * One {@code pairs} row as read: the state, the LWT {@code version} it is at, the write timestamp of its last change,
 * and the pending change (its id and the state before it) if that change's derived writes may be unfinished.
 */
record PairRows(PairState state, long version, long timestampMicros, UUID pendingOp, PairState pendingBefore) {
  static final String COLUMNS = "version, ts, follow_lh, follow_hl, request_lh, request_hl, block_lh, block_hl,"
      + " mute_lh, mute_hl, mute_lh_until, mute_hl_until, pending";

  static PairRows absent(UserId a, UserId b) {
    return new PairRows(PairState.empty(a, b), 0, 0, null, null);
  }

  static PairRows of(UserId lo, UserId hi, Row row) {
    Long[] follow = {value(row, "follow_lh"), value(row, "follow_hl")};
    Long[] request = {value(row, "request_lh"), value(row, "request_hl")};
    Long[] block = {value(row, "block_lh"), value(row, "block_hl")};
    Long[] mute = {value(row, "mute_lh"), value(row, "mute_hl")};
    Long[] until = {value(row, "mute_lh_until"), value(row, "mute_hl_until")};
    PairState state = new PairState(lo, hi, follow, request, block, mute, until);
    String pending = row.getString("pending");
    UUID op = null;
    PairState before = null;
    if (pending != null) {
      int bar = pending.indexOf('|');
      op = UUID.fromString(pending.substring(0, bar));
      before = PairState.decode(lo, hi, pending.substring(bar + 1));
    }
    return new PairRows(state, row.isNull("version") ? 0 : row.getLong("version"),
        row.isNull("ts") ? 0 : row.getLong("ts"), op, before);
  }

  boolean exists() {
    return version > 0;
  }

  private static Long value(Row row, String column) {
    return row.isNull(column) ? null : row.getLong(column);
  }
}
