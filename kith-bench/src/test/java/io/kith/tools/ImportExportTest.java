package io.kith.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.store.rocksdb.RocksDbImport;
import io.kith.store.tck.GraphInvariants;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports real SNAP graphs into a real RocksDB directory and holds the result to the store's own invariants. */
class ImportExportTest {
  private static final Instant NEWEST = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void importedEmailGraphKeepsEveryInvariantAndCountsMatchAnIndependentCount() throws IOException {
    Path file = Datasets.file("email-Eu-core", "email-Eu-core.txt.gz");
    Set<String> expected = Datasets.distinctEdges(file);
    EdgeListFile edges = EdgeListFile.read(file, read -> {});
    assertThat(edges.selfLoops()).isEqualTo(642);

    RocksDbImport.Summary summary = importFile(edges);

    assertThat(summary.edgesImported()).isEqualTo(expected.size());
    assertThat(summary.edgesAlreadyPresent()).isZero();
    try (KithStore store = open()) {
      List<UserId> users = usersOf(expected);
      assertThat(summary.usersCreated()).isEqualTo(users.size());
      GraphInvariants.assertHold(store, users);
      assertCountsMatch(store, expected);
      assertThat(store.user(RocksDbImport.userIdOf(0)).map(User::handle)).contains(new Handle("u0"));
    }
  }

  @Test
  void importingTheSameFileAgainAddsNothing() throws IOException {
    Path file = Datasets.file("email-Eu-core", "email-Eu-core.txt.gz");
    Set<String> expected = Datasets.distinctEdges(file);
    EdgeListFile edges = EdgeListFile.read(file, read -> {});
    importFile(edges);

    RocksDbImport.Summary again = importFile(edges);

    assertThat(again.edgesImported()).isZero();
    assertThat(again.usersCreated()).isZero();
    assertThat(again.edgesAlreadyPresent()).isEqualTo(expected.size());
    try (KithStore store = open()) {
      assertCountsMatch(store, expected);
      GraphInvariants.assertHold(store, usersOf(expected));
    }
  }

  @Test
  void wikiVoteRoundTripsThroughExport() throws IOException {
    Path file = Datasets.file("wiki-Vote", "Wiki-Vote.txt.gz");
    Set<String> expected = Datasets.distinctEdges(file);
    EdgeListFile edges = EdgeListFile.read(file, read -> {});
    assertThat(edges.commentLines()).isEqualTo(4);
    importFile(edges);

    StringWriter exported = new StringWriter();
    try (KithStore store = open()) {
      assertThat(ExportCommand.export(store, exported, ExportCommand.Ids.node)).isEqualTo(expected.size());
      assertCountsMatch(store, expected);
    }

    Set<String> roundTripped = new HashSet<>();
    exported.toString().lines().filter(line -> !line.startsWith("#")).forEach(roundTripped::add);
    assertThat(roundTripped).isEqualTo(expected);
  }

  @Test
  void importOnTopOfOnlineFollowsCompletesTheirFriendshipsAndKeepsCountsExact() throws IOException {
    // Online: 1 -> 2 and 3 -> 4 (nodes), written through the store as a running server would.
    try (KithStore store = open()) {
      for (long node = 1; node <= 4; node++) {
        store.createUser(new User(RocksDbImport.userIdOf(node), new Handle(RocksDbImport.handleOf(node)), "", "",
            null, false, NEWEST), "!");
      }
      store.follow(RocksDbImport.userIdOf(1), RocksDbImport.userIdOf(2), NEWEST.minusSeconds(60));
      store.follow(RocksDbImport.userIdOf(3), RocksDbImport.userIdOf(4), NEWEST.minusSeconds(60));
    }
    // The file: 2 -> 1 completes a friendship with a stored edge, 1 -> 2 is already there, 5 <-> 6 is new.
    long[] followers = {2, 1, 5, 6, 4};
    long[] followees = {1, 2, 6, 5, 3};
    RocksDbImport.Summary summary = RocksDbImport.run(dir, followers, followees, followers.length, NEWEST,
        RocksDbImport.Progress.NONE);

    assertThat(summary.edgesAlreadyPresent()).isEqualTo(1);
    assertThat(summary.edgesImported()).isEqualTo(4);
    assertThat(summary.friendships()).isEqualTo(3);
    try (KithStore store = open()) {
      List<UserId> users = new ArrayList<>();
      for (long node = 1; node <= 6; node++) {
        users.add(RocksDbImport.userIdOf(node));
      }
      GraphInvariants.assertHold(store, users);
      assertThat(store.counts(RocksDbImport.userIdOf(1))).isEqualTo(new Counts(1, 1, 1));
      assertThat(store.counts(RocksDbImport.userIdOf(3))).isEqualTo(new Counts(1, 1, 1));
    }
  }

  @Test
  void refusesADirectoryAnOpenStoreHolds() {
    try (KithStore store = open()) {
      assertThatThrownBy(() -> RocksDbImport.run(dir, new long[] {1}, new long[] {2}, 1, NEWEST,
          RocksDbImport.Progress.NONE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another process");
      assertThat(store.isHealthy()).isTrue();
    }
  }

  @Test
  void parsesCrlfCsvWithAHeaderAndSkipsSelfLoops() throws IOException {
    Path csv = dir.resolve("graph.csv");
    java.nio.file.Files.writeString(csv, "source,target,rating,time\r\n1,2,5,100\r\n3,3,1,101\r\n2,1,-2,102\r\n");
    EdgeListFile edges = EdgeListFile.read(csv, read -> {});
    assertThat(edges.count()).isEqualTo(2);
    assertThat(edges.selfLoops()).isEqualTo(1);
    assertThat(edges.headerLines()).isEqualTo(1);
    assertThat(Arrays.copyOf(edges.followers(), 2)).containsExactly(1, 2);
  }

  private RocksDbImport.Summary importFile(EdgeListFile edges) {
    return RocksDbImport.run(dir, edges.followers(), edges.followees(), edges.count(), NEWEST,
        RocksDbImport.Progress.NONE);
  }

  private KithStore open() {
    return StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dir.toString(), "sync", "false")));
  }

  private static List<UserId> usersOf(Set<String> edges) {
    Set<Long> nodes = new HashSet<>();
    for (String edge : edges) {
      String[] ends = edge.split("\t");
      nodes.add(Long.parseLong(ends[0]));
      nodes.add(Long.parseLong(ends[1]));
    }
    return nodes.stream().sorted().map(RocksDbImport::userIdOf).toList();
  }

  /** Each user's counts against degrees counted from the file itself, friends as mutual pairs. */
  private static void assertCountsMatch(KithStore store, Set<String> edges) {
    Map<Long, long[]> expected = new HashMap<>();
    for (String edge : edges) {
      String[] ends = edge.split("\t");
      long from = Long.parseLong(ends[0]);
      long to = Long.parseLong(ends[1]);
      expected.computeIfAbsent(from, n -> new long[3])[1]++;
      expected.computeIfAbsent(to, n -> new long[3])[0]++;
      if (edges.contains(to + "\t" + from)) {
        expected.get(from)[2]++;
      }
    }
    for (Map.Entry<Long, long[]> entry : expected.entrySet()) {
      long[] c = entry.getValue();
      assertThat(store.counts(RocksDbImport.userIdOf(entry.getKey()))).as("counts of node %s", entry.getKey())
          .isEqualTo(new Counts(c[0], c[1], c[2]));
    }
  }
}
