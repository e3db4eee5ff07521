package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.server.testing.Account;
import io.kith.server.testing.CassandraClusterExtension;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import io.kith.store.tck.GraphInvariants;
import io.kith.testing.cassandra.CassandraAvailable;
import io.kith.testing.cassandra.CassandraNode;
import io.kith.testing.cassandra.CountShardCorruption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two Kith servers (two stateless Kith nodes, each with its own Cassandra client) on one keyspace of a real 3-node
 * Cassandra 5.0 cluster (RF = 3, QUORUM), checked over HTTP against docs/consistency.md:
 * <ul>
 *   <li>the fault test: writers follow and unfollow through both servers while one Cassandra node is killed with
 *       SIGKILL and later restarted. Right after each acknowledged write, reads through the other server see it
 *       (relationship flag and both lists). Afterwards {@code kith repair} finds no count to correct, every
 *       acknowledged write is there through both servers (flags, lists, counts), both servers give the same answers,
 *       and the graph invariants hold. Tokens and cursors issued by one server work on the other;</li>
 *   <li>the operator's commands on the same cluster (its start is the expensive part): {@code kith schema},
 *       {@code kith serve --create-schema false}, and {@code kith repair} correcting count shards corrupted by
 *       direct CQL writes.</li>
 * </ul>
 */
@ExtendWith(CassandraAvailable.class)
class CassandraClusterTest {
  private static final Logger log = LoggerFactory.getLogger(CassandraClusterTest.class);
  private static final String KEYSPACE = "fault";
  private static final int USERS = 10;
  private static final int WRITERS_PER_SERVER = 2;

  @RegisterExtension
  @Order(1)
  static final CassandraClusterExtension cassandra = new CassandraClusterExtension("cluster", 3, 384);

  @RegisterExtension
  @Order(2)
  static final KithServerExtension kithA = KithServerExtension.over(() -> kithNodeStore(KEYSPACE),
      b -> b.nodeId(1).storeRetries(5, Duration.ofMillis(100)));

  @RegisterExtension
  @Order(3)
  static final KithServerExtension kithB = KithServerExtension.over(() -> kithNodeStore(KEYSPACE),
      b -> b.nodeId(2).storeRetries(5, Duration.ofMillis(100)));

  /** A Kith node's own client of the cluster, as {@code kith serve --store cassandra} opens it. */
  private static KithStore kithNodeStore(String keyspace) {
    return StoreProvider.named("cassandra").open(StoreConfig.of(Map.of(
        "contact_points", cassandra.cluster().contactPoints(),
        "keyspace", keyspace,
        "replication", "SimpleStrategy:3",
        "consistency", "QUORUM",
        "request_timeout_ms", "4000")));
  }

  /** One directed edge, by index into the accounts; each belongs to one writer. */
  private record Edge(int follower, int followee) {}

  private final List<Account> accounts = new ArrayList<>();
  /** The last acknowledged state of each edge whose every write so far had a known outcome. */
  private final Map<Edge, Boolean> acknowledged = new ConcurrentHashMap<>();

  @Test
  void acknowledgedWritesSurviveACassandraNodeKilledAndRestartedAndBothServersAgree() throws Exception {
    TestApi apiA = kithA.api();
    TestApi apiB = kithB.api();
    for (int i = 0; i < USERS; i++) {
      accounts.add((i % 2 == 0 ? apiA : apiB).signUp(TestApi.newHandle("fault")));
    }
    sessionsAreShared(apiA, apiB);

    // Each directed edge belongs to one writer, so "the last acknowledged state" of an edge is well defined.
    int writers = 2 * WRITERS_PER_SERVER;
    List<List<Edge>> edgesByWriter = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      edgesByWriter.add(new ArrayList<>());
    }
    int next = 0;
    for (int a = 0; a < USERS; a++) {
      for (int b = 0; b < USERS; b++) {
        if (a != b) {
          edgesByWriter.get(next++ % writers).add(new Edge(a, b));
        }
      }
    }

    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger acked = new AtomicInteger();
    AtomicInteger unknown = new AtomicInteger();
    AtomicInteger unservedReads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      TestApi writeVia = w % 2 == 0 ? apiA : apiB;
      TestApi readVia = w % 2 == 0 ? apiB : apiA;
      List<Edge> mine = edgesByWriter.get(w);
      long seed = 20261130L + w;
      running.add(pool.submit(() -> write(writeVia, readVia, mine, seed, stop, acked, unknown, unservedReads)));
    }

    CassandraNode victim = cassandra.cluster().nodes().get(2);
    try {
      awaitAcked(acked, 40, running);
      log.info("Killing Cassandra node {} (SIGKILL) after {} acknowledged writes", victim.address(), acked.get());
      victim.kill();
      int atKill = acked.get();
      awaitAcked(acked, atKill + 30, running);
      sessionsAreShared(apiA, apiB); // with a Cassandra node down
      awaitAcked(acked, atKill + 60, running);
      log.info("Restarting {} after {} writes acknowledged with it down", victim.address(), acked.get() - atKill);
      victim.start();
      cassandra.cluster().awaitUp(victim);
      cassandra.cluster().awaitAllUp();
      int atRestart = acked.get();
      awaitAcked(acked, atRestart + 40, running);
      assertThat(atRestart - atKill).as("writes acknowledged while a Cassandra node was down").isGreaterThan(0);
    } finally {
      stop.set(true);
      pool.shutdown();
    }
    for (Future<?> future : running) {
      future.get();
    }
    log.info("{} writes acknowledged, {} with an unknown outcome (their edges left alone after), {} reads not served",
        acked.get(), unknown.get(), unservedReads.get());
    assertThat(acknowledged).as("edges with a known last state").hasSizeGreaterThan(USERS * (USERS - 1) / 2);

    // The operator's repair finishes whatever a failed call left pending; the counts then need no correction.
    List<String> runs = new ArrayList<>();
    Result repair = kith("repair", "--store", "cassandra", "--contact-points", cassandra.cluster().contactPoints(),
        "--keyspace", KEYSPACE);
    runs.add(repair.out());
    // A write whose HTTP answer timed out may still be finishing on its server: "busy" users, checked again.
    for (int attempt = 0; repair.code() == 1 && attempt < 5; attempt++) {
      Thread.sleep(2_000);
      repair = kith("repair", "--store", "cassandra", "--contact-points", cassandra.cluster().contactPoints(),
          "--keyspace", KEYSPACE);
      runs.add(repair.out());
    }
    log.info("kith repair after the fault:\n{}", String.join("\n", runs));
    assertThat(repair.code()).as("kith repair: %s %s", repair.out(), repair.err()).isZero();
    assertThat(String.join("\n", runs)).doesNotContain(": fixed:");
    assertThat(repair.out()).contains("recount: " + USERS + " users checked, 0 fixed, 0 busy");

    Map<String, List<String>> followingSeenByA = checkThrough(apiA, apiB);
    Map<String, List<String>> followingSeenByB = checkThrough(apiB, apiA);
    assertThat(followingSeenByB).isEqualTo(followingSeenByA);
    GraphInvariants.assertHold(kithA.store(), accounts.stream().map(a -> UserId.parse("id", a.id())).toList());
    sessionsAreShared(apiA, apiB);
  }

  private Void write(TestApi writeVia, TestApi readVia, List<Edge> edges, long seed, AtomicBoolean stop,
                     AtomicInteger acked, AtomicInteger unknown, AtomicInteger unservedReads) {
    Random random = new Random(seed);
    List<Edge> live = new ArrayList<>(edges);
    while (!stop.get() && !live.isEmpty()) {
      Edge edge = live.get(random.nextInt(live.size()));
      Account follower = accounts.get(edge.follower());
      Account followee = accounts.get(edge.followee());
      boolean follow = random.nextInt(3) > 0;
      Reply reply = orNull(() -> follow ? writeVia.put("/v1/me/following/" + followee.id(), follower.token())
          : writeVia.delete("/v1/me/following/" + followee.id(), follower.token()));
      if (reply == null || reply.status() >= 500) {
        // The outcome is unknown, and the server may still be working on the call after answering 503: this
        // edge is never written again, so no later check can race it.
        acknowledged.remove(edge);
        live.remove(edge);
        unknown.incrementAndGet();
        continue;
      }
      assertThat(reply.status()).as("%s %s: %s", follow ? "follow" : "unfollow", edge, reply)
          .isEqualTo(follow ? 200 : 204);
      acknowledged.put(edge, follow);
      acked.incrementAndGet();

      // Read your writes through the other server, at once: the flag and both users' lists.
      String what = (follow ? "follow " : "unfollow ") + edge + " through the other server";
      Reply relationship = orNull(() -> readVia.get("/v1/relationships?ids=" + followee.id(), follower.token()));
      if (served(relationship, unservedReads)) {
        assertThat(relationship.json().at("/items/0/following").asBoolean()).as(what).isEqualTo(follow);
      }
      Reply following = orNull(() -> readVia.get("/v1/users/" + follower.id() + "/following?limit=100"));
      if (served(following, unservedReads)) {
        assertThat(TestApi.ids(following).contains(followee.id())).as(what + ": following").isEqualTo(follow);
      }
      Reply followers = orNull(() -> readVia.get("/v1/users/" + followee.id() + "/followers?limit=100"));
      if (served(followers, unservedReads)) {
        assertThat(TestApi.ids(followers).contains(follower.id())).as(what + ": followers").isEqualTo(follow);
      }
    }
    return null;
  }

  /** Whether a read was answered; a 5xx (or no answer) proves nothing either way, and is only counted. */
  private static boolean served(Reply reply, AtomicInteger unserved) {
    if (reply == null || reply.status() >= 500) {
      unserved.incrementAndGet();
      return false;
    }
    assertThat(reply.status()).as("read: %s", reply).isEqualTo(200);
    return true;
  }

  private static Reply orNull(Supplier<Reply> call) {
    try {
      return call.get();
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /**
   * Everything as seen through {@code api}: lists (paged 3 at a time, every second page asked of {@code other} with
   * the cursor {@code api} issued), counts, friendships, both directions of every edge, and every acknowledged
   * write. Returns each user's following list.
   */
  private Map<String, List<String>> checkThrough(TestApi api, TestApi other) {
    Map<String, List<String>> following = new HashMap<>();
    Map<String, List<String>> followers = new HashMap<>();
    for (Account user : accounts) {
      following.put(user.id(), readAcross(api, other, "/v1/users/" + user.id() + "/following"));
      followers.put(user.id(), readAcross(api, other, "/v1/users/" + user.id() + "/followers"));
      List<String> friends = readAcross(api, other, "/v1/users/" + user.id() + "/friends");
      Set<String> mutual = new HashSet<>(following.get(user.id()));
      mutual.retainAll(followers.get(user.id()));
      assertThat(new HashSet<>(friends)).as("friends of %s are its mutual follows", user.id()).isEqualTo(mutual);
      JsonNode counts = api.card(user).get("counts");
      assertThat(new long[] {counts.get("followers").asLong(), counts.get("following").asLong(),
          counts.get("friends").asLong()}).as("counts of %s", user.id())
          .containsExactly(followers.get(user.id()).size(), following.get(user.id()).size(), friends.size());
    }
    for (Account a : accounts) {
      for (Account b : accounts) {
        assertThat(following.get(a.id()).contains(b.id())).as("%s -> %s: forward and reverse edge", a.id(), b.id())
            .isEqualTo(followers.get(b.id()).contains(a.id()));
      }
    }
    for (Map.Entry<Edge, Boolean> edge : acknowledged.entrySet()) {
      Account follower = accounts.get(edge.getKey().follower());
      Account followee = accounts.get(edge.getKey().followee());
      assertThat(following.get(follower.id()).contains(followee.id())).as("acknowledged %s", edge)
          .isEqualTo(edge.getValue());
      Reply relationship = api.get("/v1/relationships?ids=" + followee.id(), follower.token());
      assertThat(relationship.json().at("/items/0/following").asBoolean()).as("acknowledged %s", edge)
          .isEqualTo(edge.getValue());
    }
    return following;
  }

  /** A whole list, three at a time, the pages asked alternately of {@code first} and {@code second}. */
  private static List<String> readAcross(TestApi first, TestApi second, String path) {
    List<String> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; ; page++) {
      Reply reply = (page % 2 == 0 ? first : second)
          .get(path + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(reply.status()).as("page %d of %s: %s", page, path, reply).isEqualTo(200);
      all.addAll(TestApi.ids(reply));
      JsonNode next = reply.json().get("next_cursor");
      if (next.isNull()) {
        return all;
      }
      cursor = next.asText();
    }
  }

  /** A token issued through one server works on the other, and a logout through one is seen by the other. */
  private void sessionsAreShared(TestApi apiA, TestApi apiB) {
    Account someone = accounts.get(0);
    Reply login = retrying(() -> apiA.post("/v1/sessions", null, TestApi.json(TestApi.fields(
        "handle", someone.handle(), "password", someone.password()))));
    assertThat(login.status()).as("log in through A: %s", login).isEqualTo(200);
    String token = login.json().get("token").asText();
    assertThat(retrying(() -> apiB.get("/v1/me", token)).status()).as("A's token on B").isEqualTo(200);
    assertThat(retrying(() -> apiB.delete("/v1/sessions/current", token)).status()).as("log out through B")
        .isEqualTo(204);
    assertThat(retrying(() -> apiA.get("/v1/me", token)).status()).as("the token on A after logging out on B")
        .isEqualTo(401);
  }

  /** A call repeated while it answers 5xx (a Cassandra node just died), at most five times. */
  private static Reply retrying(Supplier<Reply> call) {
    Reply reply = orNull(call);
    for (int attempt = 0; (reply == null || reply.status() >= 500) && attempt < 5; attempt++) {
      pause(Duration.ofSeconds(1));
      reply = orNull(call);
    }
    assertThat(reply).as("an answer").isNotNull();
    return reply;
  }

  /**
   * Issue 10, item 1: Kith nodes started with identical settings (the default {@code --node-id} on each) on one
   * keyspace, signing up users concurrently through all of them. Every id is distinct and every account is intact:
   * its card, its token and its password are its own (a shared id would overwrite one account with another).
   */
  @Test
  void nodesStartedWithIdenticalSettingsNeverIssueTheSameId() throws Exception {
    int nodeCount = 3;
    int signUps = 240;
    List<KithStore> stores = new ArrayList<>();
    List<KithServer> nodes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int i = 0; i < nodeCount; i++) {
        stores.add(kithNodeStore("ids"));
        nodes.add(identicalNode(stores.get(i)).build().start());
      }
      List<TestApi> apis = nodes.stream().map(node -> new TestApi(node.uri())).toList();
      List<Future<Account>> futures = new ArrayList<>();
      for (int i = 0; i < signUps; i++) {
        TestApi via = apis.get(i % nodeCount);
        String handle = TestApi.newHandle("same");
        futures.add(pool.submit(() -> via.signUp(handle)));
      }
      List<Account> accounts = new ArrayList<>();
      for (Future<Account> future : futures) {
        accounts.add(future.get());
      }
      assertThat(accounts.stream().map(Account::id).distinct().count()).as("distinct ids of %d sign-ups", signUps)
          .isEqualTo(signUps);
      for (int i = 0; i < accounts.size(); i++) {
        Account account = accounts.get(i);
        TestApi other = apis.get((i + 1) % nodeCount);
        assertThat(other.card(account).get("handle").asText()).as("card of %s", account.id())
            .isEqualTo(account.handle());
        Reply me = other.get("/v1/me", account.token());
        assertThat(me.status()).as("/v1/me of %s: %s", account.handle(), me).isEqualTo(200);
        assertThat(me.json().get("id").asText()).as("/v1/me of %s", account.handle()).isEqualTo(account.id());
        other.logIn(account);
      }
    } finally {
      pool.shutdownNow();
      nodes.forEach(KithServer::stop);
      stores.forEach(KithStore::close);
    }
  }

  /** A Kith node configured exactly like every other one: no setting tells the nodes apart. */
  private static KithServerBuilder identicalNode(KithStore store) {
    return KithServer.builder()
        .store(store)
        .port(0)
        .argon2(64, 1, 1)
        .gracefulShutdown(Duration.ZERO, Duration.ofSeconds(5))
        .signupLimitPerIpHour(1_000_000)
        .storeRetries(5, Duration.ofMillis(100));
  }

  @Test
  void schemaServeWithoutSchemaCreationAndRepairCommands() {
    String keyspace = "ops";
    String contactPoints = cassandra.cluster().contactPoints();

    // A server told not to create the schema refuses a keyspace that lacks it, and says what to run.
    Result refused = kith("serve", "--port", "0", "--store", "cassandra", "--contact-points", contactPoints,
        "--keyspace", keyspace, "--create-schema", "false");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("keyspace ops does not exist").contains("kith schema");

    Result created = kith("schema", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace",
        keyspace, "--replication", "SimpleStrategy:3");
    assertThat(created.code()).as("%s %s", created.out(), created.err()).isZero();
    assertThat(created.out()).contains("keyspace ops: created, replication {class=")
        .contains("replication_factor=3").contains("tables: 15 created [users, handles,");
    Result again = kith("schema", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace",
        keyspace, "--replication", "SimpleStrategy:1");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("keyspace ops: exists, replication {").contains("replication_factor=3")
        .contains("(kept: --replication applies only when creating it)")
        .contains("tables: 0 created, 15 already there");
    Result rocks = kith("schema", "--store", "rocksdb");
    assertThat(rocks.code()).isEqualTo(2);
    assertThat(rocks.err()).startsWith("kith: --store: rocksdb (expected: cassandra;");

    IdGenerator ids = IdGenerator.snowflake(30, Clock.systemUTC());
    try (KithStore store = StoreProvider.named("cassandra").open(StoreConfig.of(Map.of(
        "contact_points", contactPoints, "keyspace", keyspace, "create_schema", "false")))) {
      List<UserId> users = new ArrayList<>();
      for (String name : List.of("ann", "bea", "cyd")) {
        User user = new User(ids.next(), new Handle(name), "", "", null, false, Instant.now());
        store.createUser(user, "$argon2id$test");
        users.add(user.id());
      }
      UserId ann = users.get(0);
      UserId bea = users.get(1);
      UserId cyd = users.get(2);
      store.follow(ann, bea, Instant.now());
      store.follow(cyd, bea, Instant.now());
      store.follow(bea, ann, Instant.now());
      assertThat(store.counts(bea)).isEqualTo(new Counts(2, 1, 1));

      // Corrupt two count shards behind Kith's back.
      try (CqlSession cql = cassandra.cluster().connect()) {
        CountShardCorruption.set(cql, "ops", bea.value(), 4, "followers", 40);
        CountShardCorruption.set(cql, "ops", ann.value(), 4, "friends", 5);
      }
      assertThat(store.counts(bea).followers()).isNotEqualTo(2);
      assertThat(store.counts(ann).friends()).isNotEqualTo(1);

      Result one = kith("repair", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace", keyspace,
          "--user", Long.toString(bea.value()));
      assertThat(one.code()).as("%s %s", one.out(), one.err()).isZero();
      assertThat(one.out())
          .contains("repair: finished 0 pending pair changes, 0 account deletions, 0 private-to-public approvals")
          .contains("user " + bea.value() + ": fixed: counts were followers ")
          .contains("; lists hold followers 2, following 1, friends 1")
          .contains("recount: 1 users checked, 1 fixed, 0 busy");
      assertThat(store.counts(bea)).isEqualTo(new Counts(2, 1, 1));
      assertThat(store.counts(ann).friends()).as("only the user asked for").isNotEqualTo(1);

      Result all = kith("repair", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace", keyspace);
      assertThat(all.code()).isZero();
      assertThat(all.out())
          .contains("user " + ann.value() + ": fixed: counts were followers 1, following 1, friends ")
          .contains("lists hold followers 1, following 1, friends 1")
          .contains("recount: 3 users checked, 1 fixed, 0 busy");
      assertThat(store.counts(ann)).isEqualTo(new Counts(1, 1, 1));
      GraphInvariants.assertHold(store, users);
      assertThat(kith("repair", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace", keyspace)
          .out()).contains("recount: 3 users checked, 0 fixed, 0 busy");

      Result badId = kith("repair", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace",
          keyspace, "--user", "ann");
      assertThat(badId.code()).isEqualTo(2);
      assertThat(badId.err()).contains("user: ann (expected: a user id");
      Result nobody = kith("repair", "--store", "cassandra", "--contact-points", contactPoints, "--keyspace",
          keyspace, "--user", "12345");
      assertThat(nobody.code()).isEqualTo(2);
      assertThat(nobody.err()).contains("user: 12345 (expected: the id of an existing user)");
    }
  }

  private record Result(int code, String out, String err) {}

  /** Runs the {@code kith} command line in this JVM, as {@code ./kith ARGS} runs it. */
  private static Result kith(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static void awaitAcked(AtomicInteger acked, int target, List<Future<?>> writers) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (acked.get() < target && System.nanoTime() < deadline) {
      for (Future<?> writer : writers) {
        if (writer.isDone()) {
          writer.get(); // a writer that failed an assertion ends the test with its failure
        }
      }
      Thread.sleep(100);
    }
    assertThat(acked.get()).as("acknowledged writes").isGreaterThanOrEqualTo(target);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
