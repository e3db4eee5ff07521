package io.kith.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.StoreConfig;
import io.kith.store.cassandra.internal.CassandraSettings;
import io.kith.store.cassandra.internal.CassandraStore;
import io.kith.store.tck.GraphInvariants;
import io.kith.testing.cassandra.CassandraAvailable;
import io.kith.testing.cassandra.CountShardCorruption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The operator's recount ({@code kith repair}) on the real one-node cluster. */
@ExtendWith(CassandraAvailable.class)
class CassandraRecountTest {
  private static final String KEYSPACE = "recount";
  /** The store's default number of count shards per user. */
  private static final int SHARDS = 4;
  private static final IdGenerator IDS = IdGenerator.snowflake(22, Clock.systemUTC());

  private CassandraStore store;

  @BeforeEach
  void open() {
    store = SharedCluster.fresh(KEYSPACE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private UserId user(String prefix) {
    return user(store, prefix);
  }

  private static UserId user(CassandraStore store, String prefix) {
    User user = new User(IDS.next(), new Handle(prefix + "_" + System.nanoTime() % 1_000_000), "", "", null, false,
        Instant.now());
    store.createUser(user, "$argon2id$test");
    return user.id();
  }

  @Test
  void recountCorrectsACorruptedShardAndLeavesExactCountsAlone() {
    UserId ann = user("ann");
    UserId bea = user("bea");
    UserId cyd = user("cyd");
    store.follow(ann, bea, Instant.now());
    store.follow(cyd, bea, Instant.now());
    store.follow(bea, ann, Instant.now());
    CountShardCorruption.set(SharedCluster.session(), KEYSPACE, bea.value(), SHARDS, "followers", 40);
    CountShardCorruption.set(SharedCluster.session(), KEYSPACE, bea.value(), SHARDS, "following", -2);
    assertThat(store.counts(bea)).isNotEqualTo(new Counts(2, 1, 1));

    Recount fixed = store.recount(bea);
    assertThat(fixed.status()).isEqualTo(Recount.Status.FIXED);
    assertThat(fixed.counted()).isEqualTo(new Recount.Tally(2, 1, 1, 0));
    assertThat(fixed.stored()).isNotEqualTo(fixed.counted());
    assertThat(store.counts(bea)).isEqualTo(new Counts(2, 1, 1));

    assertThat(store.recount(bea)).isEqualTo(new Recount(bea, Recount.Status.EXACT, new Recount.Tally(2, 1, 1, 0),
        new Recount.Tally(2, 1, 1, 0)));
    assertThat(store.recount(ann).status()).isEqualTo(Recount.Status.EXACT);
    assertThat(store.recount(cyd).counted()).isEqualTo(new Recount.Tally(0, 1, 0, 0));
    // Later writes still count exactly on top of the correction.
    store.unfollow(cyd, bea);
    assertThat(store.counts(bea)).isEqualTo(new Counts(1, 1, 1));
    GraphInvariants.assertHold(store, List.of(ann, bea, cyd));
  }

  @Test
  void recountCorrectsTheCountOfOutgoingRequests() {
    UserId fan = user("fan");
    UserId owner = user("own");
    store.updateUser(owner, ProfileUpdate.none().withPrivate(true));
    store.follow(fan, owner, Instant.now());
    CountShardCorruption.set(SharedCluster.session(), KEYSPACE, fan.value(), SHARDS, "requests_out", 7);
    assertThat(store.outgoingRequests(fan)).isNotEqualTo(1);

    Recount fixed = store.recount(fan);
    assertThat(fixed.status()).isEqualTo(Recount.Status.FIXED);
    assertThat(fixed.counted()).isEqualTo(new Recount.Tally(0, 0, 0, 1));
    assertThat(store.outgoingRequests(fan)).isEqualTo(1);
    store.acceptRequest(owner, fan, Instant.now());
    assertThat(store.outgoingRequests(fan)).isZero();
    GraphInvariants.assertHold(store, List.of(fan, owner));
  }

  @Test
  void aKeyspaceFromBeforeTheRequestCountGainsItsColumnAndRepairCountsThePendingRequests() {
    String keyspace = KEYSPACE + "_upgrade";
    CassandraStore old = SharedCluster.fresh(keyspace);
    UserId fan;
    UserId owner;
    try {
      fan = user(old, "fan");
      owner = user(old, "own");
      old.updateUser(owner, ProfileUpdate.none().withPrivate(true));
      old.follow(fan, owner, Instant.now());
    } finally {
      old.close();
    }
    // As a keyspace made before counts.requests_out existed: the column and everything it held are gone.
    SharedCluster.session().execute(SimpleStatement.newInstance(
        "ALTER TABLE " + keyspace + ".counts DROP requests_out").setTimeout(java.time.Duration.ofSeconds(60)));

    CassandraSettings settings = CassandraSettings.from(StoreConfig.of(SharedCluster.config(keyspace)));
    CassandraStore.createSchema(SharedCluster.session(), settings); // kith schema, or a server's create_schema
    CassandraStore upgraded = CassandraStore.onSession(SharedCluster.session(), settings);
    try {
      assertThat(upgraded.outgoingRequests(fan)).as("not counted before the repair").isZero();
      assertThat(upgraded.recount(fan).status()).isEqualTo(Recount.Status.FIXED);
      assertThat(upgraded.outgoingRequests(fan)).isEqualTo(1);
      upgraded.unfollow(fan, owner);
      assertThat(upgraded.outgoingRequests(fan)).isZero();
      GraphInvariants.assertHold(upgraded, List.of(fan, owner));
    } finally {
      upgraded.close();
    }
  }

  @Test
  void aChangeInFlightMakesTheUserBusyInsteadOfCorrected() {
    UserId ann = user("ann");
    UserId bea = user("bea");
    store.follow(ann, bea, Instant.now());
    // As a change of the pair looks half-way, with its count delta in and its list entries not yet: noted as
    // pending, and one more follower in a shard than in the list.
    SharedCluster.session().execute(SimpleStatement.newInstance("INSERT INTO " + KEYSPACE + ".pending_pairs"
            + " (shard, lo, hi, op) VALUES (5, ?, ?, uuid())", Math.min(ann.value(), bea.value()),
        Math.max(ann.value(), bea.value())));
    CountShardCorruption.set(SharedCluster.session(), KEYSPACE, bea.value(), SHARDS, "followers", 2);
    long before = store.counts(bea).followers();
    assertThat(before).isGreaterThan(1);

    Recount busy = store.recount(bea);
    assertThat(busy.status()).isEqualTo(Recount.Status.BUSY);
    assertThat(store.counts(bea).followers()).as("left alone").isEqualTo(before);

    store.repair(); // finds the pair settled and drops the stale note
    assertThat(store.recount(bea).status()).isEqualTo(Recount.Status.FIXED);
    assertThat(store.counts(bea)).isEqualTo(new Counts(1, 0, 0));
  }

  @Test
  void recountsRacingWritersNeverCorrectAnExactCount() throws Exception {
    // Day-wide list buckets, as in production: with the narrow test buckets every follow adds a partition to count.
    store.close();
    store = SharedCluster.shared(KEYSPACE + "_race");
    UserId star = user("star");
    List<UserId> fans = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fans.add(user("fan"));
    }
    AtomicBoolean stop = new AtomicBoolean();
    // Now and then the writers pause together, and a recount in that quiet moment must settle the user exactly:
    // a run whose every recount came back busy would prove nothing.
    AtomicBoolean quiet = new AtomicBoolean();
    AtomicInteger paused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      List<UserId> mine = fans.subList(w * 3, w * 3 + 3);
      Random random = new Random(w);
      writers.add(pool.submit(() -> {
        while (!stop.get()) {
          if (quiet.get()) {
            paused.incrementAndGet();
            while (quiet.get() && !stop.get()) {
              Thread.sleep(5);
            }
            paused.decrementAndGet();
          }
          UserId fan = mine.get(random.nextInt(mine.size()));
          switch (random.nextInt(4)) {
            case 0 -> store.unfollow(fan, star);
            case 1 -> store.follow(star, fan, Instant.now());
            case 2 -> store.unfollow(star, fan);
            default -> store.follow(fan, star, Instant.now());
          }
          Thread.sleep(random.nextInt(60));
        }
        return null;
      }));
    }
    ConcurrentLinkedQueue<Recount> racing = new ConcurrentLinkedQueue<>();
    Future<?> recounter = pool.submit(() -> {
      while (!stop.get()) {
        racing.add(store.recount(star));
      }
      return null;
    });
    List<Recount> settled = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      Thread.sleep(3_000);
      quiet.set(true);
      while (paused.get() < writers.size()) {
        Thread.sleep(5);
      }
      settled.add(store.recount(star)); // every write so far was acknowledged, and none is running
      quiet.set(false);
    }
    stop.set(true);
    for (Future<?> writer : writers) {
      writer.get();
    }
    recounter.get();
    pool.shutdown();

    LoggerFactory.getLogger(CassandraRecountTest.class).info("recounts racing writers: {}; in quiet moments: {}",
        byStatus(racing), byStatus(settled));
    // Counts were exact all along (no corruption): a recount that "fixed" one would have double counted.
    assertThat(racing).isNotEmpty().noneMatch(recount -> recount.status() == Recount.Status.FIXED);
    assertThat(settled).as("recounts in the writers' quiet moments")
        .allMatch(recount -> recount.status() == Recount.Status.EXACT);
    store.repair();
    List<UserId> everyone = new ArrayList<>(fans);
    everyone.add(star);
    GraphInvariants.assertHold(store, everyone);
    assertThat(store.recount(star).status()).isEqualTo(Recount.Status.EXACT);
  }

  private static java.util.Map<Recount.Status, Long> byStatus(java.util.Collection<Recount> recounts) {
    return recounts.stream().collect(java.util.stream.Collectors.groupingBy(Recount::status,
        java.util.stream.Collectors.counting()));
  }
}
