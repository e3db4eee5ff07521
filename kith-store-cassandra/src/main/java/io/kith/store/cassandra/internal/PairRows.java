package io.kith.store.cassandra.internal;

import com.datastax.oss.driver.api.core.cql.Row;
import io.kith.core.UserId;
import io.kith.core.relation.pair.OneWay;
import io.kith.core.relation.pair.PairState;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code pairs} row as read: the state, the LWT {@code version} it is at, the write timestamp of its last change,
 * and the pending change (its id and the state before it) if that change's derived writes may be unfinished.
 *
 * <p>The state's columns, lo towards hi ({@code _lh}) and back ({@code _hl}): each relation as the millisecond it
 * began, null when it does not hold; {@code mute_*_until} the mute's end, 0 for a mute without end. {@code pending}
 * keeps the state before a change as these ten values, comma-separated, in column order.
 */
record PairRows(PairState state, long version, long timestampMicros, UUID pendingOp, PairState pendingBefore) {
  static final String COLUMNS = "version, ts, follow_lh, follow_hl, request_lh, request_hl, block_lh, block_hl,"
      + " mute_lh, mute_hl, mute_lh_until, mute_hl_until, pending";
  /** The state's columns, in the order of {@link #columns}. */
  private static final String[] STATE_COLUMNS = {"follow_lh", "follow_hl", "request_lh", "request_hl", "block_lh",
      "block_hl", "mute_lh", "mute_hl", "mute_lh_until", "mute_hl_until"};

  static PairRows absent(UserId a, UserId b) {
    return new PairRows(PairState.empty(a, b), 0, 0, null, null);
  }

  static PairRows of(UserId lo, UserId hi, Row row) {
    Long[] values = new Long[STATE_COLUMNS.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.isNull(STATE_COLUMNS[i]) ? null : row.getLong(STATE_COLUMNS[i]);
    }
    PairState state = state(lo, hi, values);
    String pending = row.getString("pending");
    UUID op = null;
    PairState before = null;
    if (pending != null) {
      int bar = pending.indexOf('|');
      op = UUID.fromString(pending.substring(0, bar));
      before = decode(lo, hi, pending.substring(bar + 1));
    }
    return new PairRows(state, row.isNull("version") ? 0 : row.getLong("version"),
        row.isNull("ts") ? 0 : row.getLong("ts"), op, before);
  }

  boolean exists() {
    return version > 0;
  }

  /** The state's column values, in column order (follow, request, block, mute, mute end; each lh then hl). */
  static Long[] columns(PairState state) {
    OneWay lh = state.loToHi();
    OneWay hl = state.hiToLo();
    return new Long[] {millis(lh.followedAt()), millis(hl.followedAt()), millis(lh.requestedAt()),
        millis(hl.requestedAt()), millis(lh.blockedAt()), millis(hl.blockedAt()), millis(lh.mutedAt()),
        millis(hl.mutedAt()), muteEnd(lh), muteEnd(hl)};
  }

  private static PairState state(UserId lo, UserId hi, Long[] values) {
    return new PairState(lo, hi, oneWay(values, 0), oneWay(values, 1));
  }

  private static OneWay oneWay(Long[] values, int dir) {
    Instant mutedAt = instant(values[6 + dir]);
    Long end = values[8 + dir];
    return new OneWay(instant(values[dir]), instant(values[2 + dir]), instant(values[4 + dir]), mutedAt,
        mutedAt == null || end == null || end == 0 ? null : Instant.ofEpochMilli(end));
  }

  // ---- the text form kept in `pending` ----

  static String encode(PairState state) {
    StringBuilder text = new StringBuilder();
    Long[] values = columns(state);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      if (values[i] != null) {
        text.append(values[i]);
      }
    }
    return text.toString();
  }

  static PairState decode(UserId lo, UserId hi, String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != STATE_COLUMNS.length) {
      throw new IllegalArgumentException("pending state: " + text + " (expected: 10 fields)");
    }
    Long[] values = new Long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = parts[i].isEmpty() ? null : Long.parseLong(parts[i]);
    }
    return state(lo, hi, values);
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  /** A mute's end column: 0 for none, null when not muting. */
  private static Long muteEnd(OneWay ties) {
    if (!ties.mutes()) {
      return null;
    }
    return ties.muteExpiresAt() == null ? 0L : ties.muteExpiresAt().toEpochMilli();
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
