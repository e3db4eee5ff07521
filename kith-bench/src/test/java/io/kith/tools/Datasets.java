package io.kith.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The SNAP graphs shipped as test resources (src/test/resources/datasets, see its README.md), or those in
 * {@code -Dkith.datasets=DIR}, read independently of the importer's parser.
 */
final class Datasets {
  private Datasets() {}

  static Path file(String folder, String name) {
    String given = System.getProperty("kith.datasets");
    Path root = given != null ? Path.of(given) : shipped();
    Path file = root.resolve(folder).resolve(name).toAbsolutePath().normalize();
    assertThat(file).as("dataset").isRegularFile();
    return file;
  }

  private static Path shipped() {
    URL readme = Datasets.class.getResource("/datasets/README.md");
    assertThat(readme).as("the datasets shipped in src/test/resources/datasets").isNotNull();
    try {
      return Path.of(readme.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
