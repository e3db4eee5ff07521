package io.kith.store.rocksdb.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.RocksDB;
import org.rocksdb.UInt64AddOperator;

/** The column families of the layout in docs/storage.md, each tuned for how it is read. */
enum ColumnFamilies {
  /** user id -> user record. Point reads and multi-gets. */
  USERS("users", Shape.POINT),
  /** canonical handle -> user id. */
  HANDLES("handles", Shape.POINT),
  /** (follower, followee) -> follow time. "Does A follow B" is one point read. */
  FOLLOWS("follows", Shape.POINT),
  /** (owner, ~time, ~followee) -> empty. Whom the owner follows, newest first. */
  FOLLOWING("following", Shape.LIST),
  /** (owner, ~time, ~follower) -> empty. Who follows the owner, newest first. */
  FOLLOWERS("followers", Shape.LIST),
  /** (owner, ~time, ~friend) -> empty. Mutual follows, newest friendship first. */
  FRIENDS("friends", Shape.LIST),
  /** (user, kind) -> signed 64-bit counter, updated by merge so hot accounts take no read-modify-write. */
  COUNTS("counts", Shape.COUNTER),
  /** SHA-256 of a bearer token -> session. */
  SESSIONS("sessions", Shape.POINT),
  /** user id -> empty, while the user's edges are being removed; finished on reopen after a crash. */
  PENDING_DELETES("pending_deletes", Shape.POINT),
  /** (requester, target) -> request time: a follow request waiting for a private account's approval. */
  REQUESTS("requests", Shape.POINT),
  /** (target, ~time, ~requester) -> empty. Requests a private account has to answer, newest first. */
  REQUESTS_IN("requests_in", Shape.LIST),
  /** (requester, ~time, ~target) -> empty. Requests the owner sent, newest first. */
  REQUESTS_OUT("requests_out", Shape.LIST),
  /** (blocker, blocked) -> block time. */
  BLOCKS("blocks", Shape.POINT),
  /** (blocker, ~time, ~blocked) -> empty. */
  BLOCKING("blocking", Shape.LIST),
  /** (blocked, ~time, ~blocker) -> empty. Only so that deleting an account can find the blocks naming it. */
  BLOCKED_BY("blocked_by", Shape.LIST),
  /** (muter, muted) -> mute time, expiry (0: none). */
  MUTES("mutes", Shape.POINT),
  /** (muter, ~time, ~muted) -> empty. */
  MUTING("muting", Shape.LIST),
  /** (muted, ~time, ~muter) -> empty. Only so that deleting an account can find the mutes naming it. */
  MUTED_BY("muted_by", Shape.LIST),
  /** (limiter, bucket, subject) -> signed 64-bit counter of actions, for rate limits. Old buckets are range-deleted. */
  RATE_WINDOWS("rate_windows", Shape.COUNTER),
  /** user id -> empty, while a private account turned public has its pending requests approved. */
  PENDING_APPROVALS("pending_approvals", Shape.POINT),
  /** (viewer, other) -> dismissal time: suggestions the viewer never wants to see again. */
  DISMISSED("dismissed", Shape.POINT);

  private enum Shape { POINT, LIST, COUNTER }

  private static final long MAX_SUCCESSIVE_MERGES = 32;

  private final String cfName;
  private final Shape shape;

  ColumnFamilies(String cfName, Shape shape) {
    this.cfName = cfName;
    this.shape = shape;
  }

  static List<ColumnFamilyDescriptor> descriptors(Cache blockCache, List<AutoCloseable> resources) {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    ColumnFamilyOptions defaults = new ColumnFamilyOptions();
    resources.add(defaults);
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, defaults));
    for (ColumnFamilies family : values()) {
      ColumnFamilyOptions options = family.options(blockCache);
      resources.add(options);
      descriptors.add(new ColumnFamilyDescriptor(family.cfName.getBytes(StandardCharsets.UTF_8), options));
    }
    return descriptors;
  }

  private ColumnFamilyOptions options(Cache blockCache) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    ColumnFamilyOptions options = new ColumnFamilyOptions()
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
        .setLevelCompactionDynamicLevelBytes(true);
    switch (shape) {
      case POINT, COUNTER -> {
        // Whole-key Bloom filters: most "does A follow B" answers are "no" and never touch a data block.
        table.setFilterPolicy(new BloomFilter(10, false))
            .setWholeKeyFiltering(true)
            .setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash);
      }
      case LIST -> {
        // Every scan stays within one owner's 8-byte prefix; prefix Blooms skip files without that owner.
        options.useFixedLengthPrefixExtractor(Keys.ID);
        table.setFilterPolicy(new BloomFilter(10, false)).setWholeKeyFiltering(false);
      }
    }
    if (shape == Shape.COUNTER) {
      // A celebrity's counter can collect millions of +1 operands between compactions, and a read would fold
      // them all. Past a few, the memtable folds them at write time instead, so a count stays one cheap read.
      options.setMergeOperator(new UInt64AddOperator()).setMaxSuccessiveMerges(MAX_SUCCESSIVE_MERGES);
    }
    return options.setTableFormatConfig(table);
  }

  /**
   * This family's handle among those opened from {@link #descriptors}, which lists the families in declaration
   * order. The ordinal is only an index into that in-process list: on disk a family is found by its name.
   */
  ColumnFamilyHandle handle(List<ColumnFamilyHandle> handles) {
    return handles.get(ordinal() + 1); // index 0 is RocksDB's default family
  }
}
