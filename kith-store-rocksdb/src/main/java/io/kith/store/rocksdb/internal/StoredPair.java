package io.kith.store.rocksdb.internal;

import static io.kith.store.rocksdb.internal.ColumnFamilies.BLOCKS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.COUNTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.FOLLOWS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.MUTES;
import static io.kith.store.rocksdb.internal.ColumnFamilies.REQUESTS;
import static io.kith.store.rocksdb.internal.ColumnFamilies.USERS;

import io.kith.core.UserId;
import io.kith.core.relation.pair.Account;
import io.kith.core.relation.pair.Accounts;
import io.kith.core.relation.pair.Change;
import io.kith.core.relation.pair.CountDelta;
import io.kith.core.relation.pair.ListEntry;
import io.kith.core.relation.pair.OneWay;
import io.kith.core.relation.pair.PairState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A pair's state as RocksDB keeps it, and the one place a {@link Change} becomes writes. The state is spread over
 * the point families {@code follows}, {@code requests}, {@code blocks} and {@code mutes}, one key per direction each
 * (docs/storage.md); the change's effects are list entries and counter merges. The rules that decide the change are
 * kith-core's ({@link io.kith.core.relation.pair.Transitions}); nothing here decides anything.
 */
record StoredPair(PairState state, Accounts accounts) {
  private static final byte[] EMPTY = new byte[0];
  /** Keys read per other user: its record, and four point families both ways. */
  private static final int PER_OTHER = 9;

  /**
   * The pairs of {@code user} with each of {@code others} (distinct, none of them {@code user}), with both users'
   * accounts, in one multi-get. Call under the pairs' locks.
   */
  static List<StoredPair> read(RocksDB db, Map<ColumnFamilies, ColumnFamilyHandle> families, UserId user,
                               List<UserId> others) throws RocksDBException {
    List<ColumnFamilyHandle> handles = new ArrayList<>(1 + PER_OTHER * others.size());
    List<byte[]> keys = new ArrayList<>(1 + PER_OTHER * others.size());
    handles.add(families.get(USERS));
    keys.add(Keys.id(user));
    for (UserId other : others) {
      byte[] out = Keys.pair(user, other);
      byte[] in = Keys.pair(other, user);
      handles.addAll(List.of(families.get(USERS), families.get(FOLLOWS), families.get(FOLLOWS),
          families.get(REQUESTS), families.get(REQUESTS), families.get(BLOCKS), families.get(BLOCKS),
          families.get(MUTES), families.get(MUTES)));
      keys.addAll(List.of(Keys.id(other), out, in, out, in, out, in, out, in));
    }
    List<byte[]> values = db.multiGetAsList(handles, keys);
    Account own = account(values.get(0));
    List<StoredPair> pairs = new ArrayList<>(others.size());
    for (int i = 0; i < others.size(); i++) {
      int at = 1 + i * PER_OTHER;
      OneWay out = oneWay(values.get(at + 1), values.get(at + 3), values.get(at + 5), values.get(at + 7));
      OneWay in = oneWay(values.get(at + 2), values.get(at + 4), values.get(at + 6), values.get(at + 8));
      UserId other = others.get(i);
      pairs.add(new StoredPair(PairState.of(user, out, other, in),
          new Accounts(user, own, other, account(values.get(at)))));
    }
    return pairs;
  }

  /**
   * Puts {@code change} into {@code batch}: the pair's keys that changed, the list entries its effects remove and
   * add, and its count deltas; and records whose cached lists it changes.
   */
  static void write(TrackedBatch batch, Map<ColumnFamilies, ColumnFamilyHandle> families, Change change)
      throws RocksDBException {
    PairState before = change.before();
    PairState after = change.after();
    for (UserId from : List.of(after.lo(), after.hi())) {
      UserId to = after.other(from);
      OneWay was = before.from(from);
      OneWay now = after.from(from);
      if (was.equals(now)) {
        continue;
      }
      byte[] key = Keys.pair(from, to);
      boolean tiesChanged = put(batch, families.get(FOLLOWS), key, was.followedAt(), now.followedAt())
          | put(batch, families.get(REQUESTS), key, was.requestedAt(), now.requestedAt())
          | put(batch, families.get(BLOCKS), key, was.blockedAt(), now.blockedAt());
      if (!Objects.equals(was.mutedAt(), now.mutedAt()) || !Objects.equals(was.muteExpiresAt(), now.muteExpiresAt())) {
        if (now.mutes()) {
          batch.put(families.get(MUTES), key, Keys.mute(now.mutedAt(), now.muteExpiresAt()));
        } else {
          batch.delete(families.get(MUTES), key);
        }
      }
      // The relation cache holds both users' follows, requests and blocks, and only the muter's mutes.
      batch.changes(from);
      if (tiesChanged) {
        batch.changes(to);
      }
    }
    for (ListEntry entry : change.effects().removed()) {
      batch.delete(families.get(list(entry)), Keys.listEntry(entry.owner(), entry.at().toEpochMilli(),
          entry.other()));
    }
    for (ListEntry entry : change.effects().added()) {
      batch.put(families.get(list(entry)), Keys.listEntry(entry.owner(), entry.at().toEpochMilli(), entry.other()),
          EMPTY);
    }
    for (CountDelta delta : change.effects().counts()) {
      Byte kind = counter(delta);
      if (kind != null) {
        batch.merge(families.get(COUNTS), Keys.counter(delta.user(), kind), Keys.delta(delta.delta()));
      }
    }
  }

  /** Writes one direction's relation key if it changed; whether it did. */
  private static boolean put(TrackedBatch batch, ColumnFamilyHandle family, byte[] key, Instant was, Instant now)
      throws RocksDBException {
    if (Objects.equals(was, now)) {
      return false;
    }
    if (now == null) {
      batch.delete(family, key);
    } else {
      batch.put(family, key, Keys.millis(now));
    }
    return true;
  }

  private static ColumnFamilies list(ListEntry entry) {
    return switch (entry.list()) {
      case FOLLOWING -> ColumnFamilies.FOLLOWING;
      case FOLLOWERS -> ColumnFamilies.FOLLOWERS;
      case FRIENDS -> ColumnFamilies.FRIENDS;
      case REQUESTS_OUT -> ColumnFamilies.REQUESTS_OUT;
      case REQUESTS_IN -> ColumnFamilies.REQUESTS_IN;
      case BLOCKING -> ColumnFamilies.BLOCKING;
      case BLOCKED_BY -> ColumnFamilies.BLOCKED_BY;
      case MUTING -> ColumnFamilies.MUTING;
      case MUTED_BY -> ColumnFamilies.MUTED_BY;
    };
  }

  /** The {@code counts} key suffix of a counter; null for incoming requests, whose count is not kept. */
  private static Byte counter(CountDelta delta) {
    return switch (delta.counter()) {
      case FOLLOWERS -> Keys.FOLLOWERS;
      case FOLLOWING -> Keys.FOLLOWING;
      case FRIENDS -> Keys.FRIENDS;
      case REQUESTS_OUT -> Keys.REQUESTS_OUT;
      case REQUESTS_IN -> null;
    };
  }

  private static OneWay oneWay(byte[] follow, byte[] request, byte[] block, byte[] mute) {
    Instant mutedAt = time(mute);
    Instant until = mute == null || Keys.muteExpiryMillis(mute) == 0 ? null
        : Instant.ofEpochMilli(Keys.muteExpiryMillis(mute));
    return new OneWay(time(follow), time(request), time(block), mutedAt, until);
  }

  private static Instant time(byte[] value) {
    return value == null ? null : Instant.ofEpochMilli(Keys.millisOf(value));
  }

  private static Account account(byte[] record) {
    return record == null ? Account.ABSENT : Account.of(Codec.user(record).user());
  }
}
