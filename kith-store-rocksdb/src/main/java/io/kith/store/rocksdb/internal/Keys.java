package io.kith.store.rocksdb.internal;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.Position;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Key encodings. Numbers are big-endian so RocksDB's bytewise order is numeric order; list keys store
 * {@code Long.MAX_VALUE - x} so that ascending iteration yields newest first (and, within one millisecond, the
 * larger id first). See docs/storage.md.
 */
final class Keys {
  static final int ID = Long.BYTES;
  static final int LIST_KEY = 3 * Long.BYTES;

  /** Suffixes of the counter keys of a user in the {@code counts} column family. */
  static final byte FOLLOWERS = 'r';
  static final byte FOLLOWING = 'g';
  static final byte FRIENDS = 'f';
  /** Follow requests the user sent that are pending (the size of its {@code requests_out} list). */
  static final byte REQUESTS_OUT = 'o';
  /**
   * The key in {@code counts} (user id 0, which no user has) present once every user's {@link #REQUESTS_OUT}
   * counter has been set from the requests stored before that counter existed.
   */
  static final byte[] REQUESTS_OUT_COUNTED = ByteBuffer.allocate(ID + 1).putLong(0).put(REQUESTS_OUT).array();

  private Keys() {}

  static byte[] id(UserId id) {
    return ByteBuffer.allocate(ID).putLong(id.value()).array();
  }

  static UserId idAt(byte[] key, int offset) {
    return UserId.of(ByteBuffer.wrap(key).getLong(offset));
  }

  static byte[] handle(String canonicalHandle) {
    return canonicalHandle.getBytes(StandardCharsets.UTF_8);
  }

  /** follows: (follower, followee) -> follow time; the point read behind "does A follow B". */
  static byte[] pair(UserId from, UserId to) {
    return ByteBuffer.allocate(2 * ID).putLong(from.value()).putLong(to.value()).array();
  }

  /** followers / following / friends: (owner, inverted time, inverted other) -> empty. */
  static byte[] listEntry(UserId owner, long atMillis, UserId other) {
    return ByteBuffer.allocate(LIST_KEY)
        .putLong(owner.value())
        .putLong(Long.MAX_VALUE - atMillis)
        .putLong(Long.MAX_VALUE - other.value())
        .array();
  }

  static byte[] listEntry(UserId owner, Position position) {
    return listEntry(owner, position.atMillis(), position.other());
  }

  static Edge edgeOf(byte[] listKey) {
    ByteBuffer buffer = ByteBuffer.wrap(listKey);
    long at = Long.MAX_VALUE - buffer.getLong(ID);
    long other = Long.MAX_VALUE - buffer.getLong(2 * ID);
    return new Edge(UserId.of(other), Instant.ofEpochMilli(at));
  }

  /** The exclusive upper bound of one owner's list: the next owner's prefix. */
  static byte[] listUpperBound(UserId owner) {
    return ByteBuffer.allocate(ID).putLong(owner.value() + 1).array();
  }

  /** Whether {@code key} begins with {@code prefix}. */
  static boolean hasPrefix(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  static byte[] counter(UserId id, byte kind) {
    return ByteBuffer.allocate(ID + 1).putLong(id.value()).put(kind).array();
  }

  /** Counter deltas in the little-endian 64-bit form RocksDB's uint64add merge operator sums (mod 2^64). */
  static byte[] delta(long delta) {
    return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(delta).array();
  }

  static long counterValue(byte[] value) {
    return value == null ? 0 : ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** rate_windows: (limiter, bucket, subject), so that one limiter's old buckets form one contiguous range. */
  static byte[] window(String limiter, long bucket, String subject) {
    byte[] name = limiter.getBytes(StandardCharsets.UTF_8);
    byte[] who = subject.getBytes(StandardCharsets.UTF_8);
    if (name.length > 255) {
      throw new IllegalArgumentException("limiter: " + limiter + " (expected: at most 255 bytes)");
    }
    return ByteBuffer.allocate(1 + name.length + Long.BYTES + who.length)
        .put((byte) name.length).put(name).putLong(bucket).put(who).array();
  }

  /** The first key of {@code limiter}'s bucket {@code bucket}, for range deletes. */
  static byte[] windowStart(String limiter, long bucket) {
    return window(limiter, bucket, "");
  }

  /** mutes value: mute time and expiry (0 for none). */
  static byte[] mute(Instant at, Instant expiresAt) {
    return ByteBuffer.allocate(2 * Long.BYTES).putLong(at.toEpochMilli())
        .putLong(expiresAt == null ? 0 : expiresAt.toEpochMilli()).array();
  }

  static long muteExpiryMillis(byte[] value) {
    return ByteBuffer.wrap(value).getLong(Long.BYTES);
  }

  static byte[] millis(Instant at) {
    return ByteBuffer.allocate(Long.BYTES).putLong(at.toEpochMilli()).array();
  }

  static long millisOf(byte[] value) {
    return ByteBuffer.wrap(value).getLong();
  }
}
