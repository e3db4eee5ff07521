package io.kith.tools;

import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.store.rocksdb.RocksDbImport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kith export}: writes every follow of a stopped data directory as an edge list. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes every follow as 'follower<TAB>followee', one per line, users in id order and each",
        "user's follows newest first. Run it with the server stopped."})
public final class ExportCommand implements Callable<Integer> {
  /** Users and edges read per store call: bounded pages, whatever the graph's size. */
  private static final int PAGE = 1000;

  enum Ids { kith, node }

  @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:KITH_DATA:-./data}")
  Path data;

  @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
  Path out;

  @Option(names = "--ids", description = "kith: user ids; node: the dataset node ids an import read (id - 1)."
      + " Default: ${DEFAULT-VALUE}", defaultValue = "kith")
  Ids ids;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data)) {
      System.err.println("kith export: data: " + data + " (expected: an existing data directory)");
      return 2;
    }
    try (KithStore store = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", data.toString(),
             "sync", "false")));
         Writer writer = new BufferedWriter(out == null
             ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
             : Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      long edges = export(store, writer, ids);
      writer.flush();
      System.err.printf("kith export: %,d edges%n", edges);
    }
    return 0;
  }

  /** Writes the whole graph; returns the number of edges written. */
  static long export(KithStore store, Writer writer, Ids ids) throws IOException {
    writer.write("# Kith export: follower\tfollowee (" + (ids == Ids.node ? "dataset node ids" : "user ids")
        + ")\n");
    long edges = 0;
    Optional<UserId> after = Optional.empty();
    while (true) {
      List<User> users = store.scanUsers(after, PAGE);
      if (users.isEmpty()) {
        return edges;
      }
      for (User user : users) {
        String follower = format(user.id(), ids);
        EdgePage page = store.edges(EdgeList.FOLLOWING, user.id(), PageRequest.first(PAGE));
        while (true) {
          for (Edge edge : page.edges()) {
            writer.write(follower);
            writer.write('\t');
            writer.write(format(edge.other(), ids));
            writer.write('\n');
            edges++;
          }
          if (page.next().isEmpty()) {
            break;
          }
          page = store.edges(EdgeList.FOLLOWING, user.id(), PageRequest.after(page.next().get(), PAGE));
        }
      }
      after = Optional.of(users.getLast().id());
    }
  }

  private static String format(UserId id, Ids ids) {
    return Long.toString(ids == Ids.node ? RocksDbImport.nodeOf(id) : id.value());
  }
}
