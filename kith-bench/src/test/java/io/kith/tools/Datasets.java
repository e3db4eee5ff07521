package io.kith.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** The shared SNAP datasets (../shared/datasets), read independently of the importer's parser. */
final class Datasets {
  private Datasets() {}

  static Path file(String folder, String name) {
    Path root = Path.of(System.getProperty("kith.datasets", "../../shared/datasets"));
    Path file = root.resolve(folder).resolve(name).toAbsolutePath().normalize();
    assertThat(file).as("dataset (set -Dkith.datasets to the datasets folder)").isRegularFile();
    return file;
  }

  /** The distinct "follower followee" pairs without self-loops, split the simplest way. */
  static Set<String> distinctEdges(Path gz) throws IOException {
    Set<String> edges = new LinkedHashSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("[\\s,]+");
        if (!fields[0].equals(fields[1])) {
          edges.add(Long.parseLong(fields[0]) + "\t" + Long.parseLong(fields[1]));
        }
      }
    }
    return edges;
  }
}
