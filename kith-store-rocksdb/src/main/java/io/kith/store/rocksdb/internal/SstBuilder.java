package io.kith.store.rocksdb.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;

/**
 * Writes one column family's share of an import into an SST file, in key order, with the family's own options (so
 * its Bloom filters, block index and compression are exactly those of a flush), ready to be ingested.
 */
final class SstBuilder implements AutoCloseable {
  private final ColumnFamilies family;
  private final Path file;
  private final Options options;
  private final EnvOptions envOptions = new EnvOptions();
  private final SstFileWriter writer;
  private long entries;
  private long bytes;

  SstBuilder(Path dir, ColumnFamilies family, DBOptions dbOptions, ColumnFamilyOptions familyOptions)
      throws RocksDBException {
    this.family = family;
    this.file = dir.resolve(family.name().toLowerCase(java.util.Locale.ROOT) + ".sst");
    this.options = new Options(dbOptions, familyOptions);
    this.writer = new SstFileWriter(envOptions, options);
    writer.open(file.toString());
  }

  void put(byte[] key, byte[] value) throws RocksDBException {
    writer.put(key, value);
    entries++;
  }

  void merge(byte[] key, byte[] operand) throws RocksDBException {
    writer.merge(key, operand);
    entries++;
  }

  ColumnFamilies family() {
    return family;
  }

  long entries() {
    return entries;
  }

  /** Finishes the file; empty when nothing was written (RocksDB refuses to finish an empty SST). */
  Optional<Path> finish() throws RocksDBException {
    if (entries == 0) {
      return Optional.empty();
    }
    writer.finish();
    try {
      bytes = Files.size(file);
    } catch (java.io.IOException e) {
      bytes = 0;
    }
    return Optional.of(file);
  }

  long bytes() {
    return bytes;
  }

  @Override
  public void close() {
    writer.close();
    options.close();
    envOptions.close();
  }
}
