package io.kith.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreException;
import io.kith.core.spi.StoreProvider;
import io.kith.store.cassandra.internal.CassandraStore;
import io.kith.store.tck.GraphInvariants;
import io.kith.testing.cassandra.CassandraAvailable;
import io.kith.testing.cassandra.CassandraCluster;
import io.kith.testing.cassandra.CassandraNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real Cassandra nodes (RF = 3, QUORUM) and two Kith nodes (two stores, each with its own client). Writers
 * follow and unfollow through both Kith nodes while one Cassandra node is killed with SIGKILL and later restarted.
 * Checked (docs/consistency.md): right after each acknowledged write, a read through the other Kith node sees it;
 * afterwards every acknowledged write is there through both nodes, in flags, lists and counts, and the invariants hold.
 */
@ExtendWith(CassandraAvailable.class)
class ClusterFaultTest {
  private static final Logger log = LoggerFactory.getLogger(ClusterFaultTest.class);
  private static final IdGenerator IDS = IdGenerator.snowflake(21, Clock.systemUTC());
  private static final int USERS = 10;
  private static final int WRITERS_PER_NODE = 2;

  private static CassandraCluster cluster;
  private static final List<KithStore> raw = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = CassandraCluster.start("fault", 3, 384);
  }

  @AfterAll
  static void stopCluster() {
    raw.forEach(KithStore::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  private static KithStore kithNode() {
    KithStore store = StoreProvider.named("cassandra").open(StoreConfig.of(Map.of(
        "contact_points", cluster.contactPoints(),
        "keyspace", "fault",
        "replication", "SimpleStrategy:3",
        "consistency", "QUORUM",
        "request_timeout_ms", "4000")));
    raw.add(store);
    return KithStore.withRetries(store, 8, Duration.ofMillis(250));
  }

  /** The last acknowledged state of each directed edge; absent while a failed call left it unknown. */
  private final Map<List<UserId>, Boolean> acknowledged = new ConcurrentHashMap<>();

  @Test
  void acknowledgedWritesSurviveANodeKilledAndRestartedAndBothKithNodesAgree() throws Exception {
    KithStore nodeA = kithNode();
    KithStore nodeB = kithNode();
    List<UserId> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      User user = new User(IDS.next(), new Handle("fault" + i + "_" + System.nanoTime() % 100_000), "", "", null,
          false, Instant.now());
      (i % 2 == 0 ? nodeA : nodeB).createUser(user, "$argon2id$test");
      users.add(user.id());
    }
    // Each directed edge belongs to one writer, so "the last acknowledged state" of an edge is well defined.
    List<List<List<UserId>>> edgesByWriter = new ArrayList<>();
    int writers = 2 * WRITERS_PER_NODE;
    for (int w = 0; w < writers; w++) {
      edgesByWriter.add(new ArrayList<>());
    }
    int next = 0;
    for (UserId a : users) {
      for (UserId b : users) {
        if (!a.equals(b)) {
          edgesByWriter.get(next++ % writers).add(List.of(a, b));
        }
      }
    }

    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger acked = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      KithStore writeVia = w % 2 == 0 ? nodeA : nodeB;
      KithStore readVia = w % 2 == 0 ? nodeB : nodeA;
      List<List<UserId>> mine = edgesByWriter.get(w);
      running.add(pool.submit(() -> write(writeVia, readVia, mine, stop, acked, failed)));
    }

    CassandraNode victim = cluster.nodes().get(2);
    awaitAcked(acked, 40);
    log.info("Killing Cassandra node {} (SIGKILL) after {} acknowledged writes", victim.address(), acked.get());
    victim.kill();
    int atKill = acked.get();
    awaitAcked(acked, atKill + 60);
    log.info("Restarting {} after {} writes acknowledged with it down", victim.address(), acked.get() - atKill);
    victim.start();
    cluster.awaitUp(victim);
    cluster.awaitAllUp();
    int atRestart = acked.get();
    awaitAcked(acked, atRestart + 40);
    stop.set(true);
    for (Future<?> future : running) {
      future.get();
    }
    pool.shutdown();
    log.info("{} writes acknowledged, {} failed after retries", acked.get(), failed.get());
    assertThat(acked.get() - atKill).as("writes acknowledged while a node was down").isGreaterThan(0);

    for (KithStore store : raw) {
      ((CassandraStore) store).repair();
    }
    for (KithStore node : List.of(nodeA, nodeB)) {
      Map<UserId, GraphInvariants.Lists> lists = GraphInvariants.assertHold(node, users);
      for (Map.Entry<List<UserId>, Boolean> edge : acknowledged.entrySet()) {
        UserId follower = edge.getKey().get(0);
        UserId followee = edge.getKey().get(1);
        boolean follows = edge.getValue();
        Relationship relationship = node.relationships(follower, List.of(followee), Instant.now()).getFirst();
        assertThat(relationship.following()).as("%s -> %s", follower, followee).isEqualTo(follows);
        assertThat(lists.get(follower).following().contains(followee)).isEqualTo(follows);
        assertThat(lists.get(followee).followers().contains(follower)).isEqualTo(follows);
      }
      for (UserId user : users) {
        GraphInvariants.Lists of = lists.get(user);
        assertThat(node.counts(user)).isEqualTo(new Counts(of.followers().size(), of.following().size(),
            of.friends().size()));
        assertThat(GraphInvariants.readAll(node, EdgeList.FOLLOWERS, user)).isEqualTo(of.followers());
      }
    }
  }

  private Void write(KithStore writeVia, KithStore readVia, List<List<UserId>> edges, AtomicBoolean stop,
                     AtomicInteger acked, AtomicInteger failed) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (!stop.get()) {
      List<UserId> edge = edges.get(random.nextInt(edges.size()));
      boolean follow = random.nextInt(3) > 0;
      try {
        if (follow) {
          writeVia.follow(edge.get(0), edge.get(1), Instant.now());
        } else {
          writeVia.unfollow(edge.get(0), edge.get(1));
        }
      } catch (StoreException e) {
        acknowledged.remove(edge); // the outcome is unknown until the next acknowledged write of this edge
        failed.incrementAndGet();
        continue;
      }
      acknowledged.put(edge, follow);
      acked.incrementAndGet();
      try {
        // Read your writes through the other Kith node, at once.
        Relationship seen = readVia.relationships(edge.get(0), List.of(edge.get(1)), Instant.now()).getFirst();
        assertThat(seen.following()).as("read through the other node after %s %s", follow ? "follow" : "unfollow",
            edge).isEqualTo(follow);
      } catch (StoreException e) {
        failed.incrementAndGet(); // a read that could not be served proves nothing either way
      }
    }
    return null;
  }

  private static void awaitAcked(AtomicInteger acked, int target) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (acked.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(acked.get()).as("acknowledged writes").isGreaterThanOrEqualTo(target);
  }
}
