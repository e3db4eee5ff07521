package io.kith.tools;

import io.kith.store.rocksdb.RocksDbImport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./kith import FILE}: bulk-loads an edge list into a stopped data directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
        "Bulk-imports an edge list (SNAP text or CSV, optionally .gz) into an embedded data directory.",
        "Node n becomes user n+1 with handle u<n>; edges are dated in file order. Self-loops are skipped.",
        "Run it with the server stopped. Re-running it with the same file adds nothing."})
public final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the edge list: 'follower followee' per line")
  Path file;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:KITH_DATA:-./data}")
  Path data;

  @Option(names = "--newest-at", paramLabel = "INSTANT",
      description = "time of the file's last edge, ISO-8601 (default: now)")
  Instant newestAt;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    if (!Files.isRegularFile(file)) {
      err.println("kith import: FILE: " + file + " (expected: a readable edge list file)");
      return 2;
    }
    long size = Files.size(file);
    ProgressBar bar = new ProgressBar(err, "B");
    long started = System.nanoTime();
    EdgeListFile edges = EdgeListFile.read(file, read -> bar.update("read", read, size));
    bar.finish();
    ProgressBar edgeBar = new ProgressBar(err, "items");
    RocksDbImport.Summary summary = RocksDbImport.run(data, edges.followers(), edges.followees(), edges.count(),
        newestAt == null ? Instant.now() : newestAt, edgeBar::update);
    edgeBar.finish();
    double seconds = (System.nanoTime() - started) / 1e9;
    long disk = directorySize(data);
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "Imported %s into %s in %.2f s (%s edges/s, file read included)%n", file, data, seconds,
        ProgressBar.human(edges.count() / seconds));
    out.printf(Locale.ROOT, "  phases             %s, %s%n", bar.timings(), edgeBar.timings());
    out.printf(Locale.ROOT, "  edges in file      %,d (+ %,d self-loops skipped, %,d comment lines)%n",
        edges.count(), edges.selfLoops(), edges.commentLines());
    out.printf(Locale.ROOT, "  edges imported     %,d (%,d repeated in the file, %,d already in the store)%n",
        summary.edgesImported(), summary.duplicateEdges(), summary.edgesAlreadyPresent());
    out.printf(Locale.ROOT, "  users created      %,d (%,d already there)%n", summary.usersCreated(),
        summary.usersExisting());
    out.printf(Locale.ROOT, "  friendships        %,d new mutual pairs%n", summary.friendships());
    out.printf(Locale.ROOT, "  data directory     %,d bytes on disk", disk);
    if (summary.edgesImported() > 0) {
      out.printf(Locale.ROOT, " (%.1f bytes per imported edge)", (double) disk / summary.edgesImported());
    }
    out.println();
    return 0;
  }

  public static long directorySize(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }
}
