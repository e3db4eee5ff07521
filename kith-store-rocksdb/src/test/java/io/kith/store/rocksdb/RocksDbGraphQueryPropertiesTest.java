package io.kith.store.rocksdb;

import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphQueryProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterTry;

class RocksDbGraphQueryPropertiesTest extends GraphQueryProperties {
  private Path dir;

  @Override
  protected KithStore openStore() {
    try {
      dir = Files.createTempDirectory("kith-query-property");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RocksDbTesting.open(dir, false);
  }

  @AfterTry
  void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
