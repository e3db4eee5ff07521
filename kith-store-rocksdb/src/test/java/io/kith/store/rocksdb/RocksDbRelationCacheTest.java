package io.kith.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.store.tck.StoreContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relation cache answers relationships and follow times from the viewer's lists in memory. It must never
 * answer older than the last acknowledged write, also while other threads load the same entries, and must stay
 * exact for lists longer than it keeps. (The graph invariants after each test compare it with the lists again.)
 */
class RocksDbRelationCacheTest extends StoreContract {
  /** More follows than the cache keeps of one list (RelationCache.LIST_CAP = 4,096). */
  private static final int LONG_LIST = 4_200;

  @TempDir Path dir;

  @Override
  protected KithStore openStore() {
    return RocksDbTesting.open(dir, false);
  }

  @Override
  protected KithStore reopenStore() {
    return RocksDbTesting.open(dir, false);
  }

  @Test
  void aFollowingListLongerThanTheCacheKeepsIsAnsweredExactly() {
    UserId fan = newUser().id();
    List<UserId> followed = newUsers(LONG_LIST);
    List<UserId> notFollowed = newUsers(10);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < followed.size(); i++) {
      store.follow(fan, followed.get(i), start.plusMillis(i));
    }
    List<UserId> everyone = new ArrayList<>(followed);
    everyone.addAll(notFollowed);
    assertFollowing(fan, everyone, followed.size());

    // The oldest follows are outside the newest-first prefix the cache keeps; unfollow one of them and a new one.
    store.unfollow(fan, followed.getFirst());
    store.unfollow(fan, followed.getLast());
    store.follow(fan, notFollowed.getFirst(), start.plusMillis(LONG_LIST));
    List<Relationship> relationships = store.relationships(fan,
        List.of(followed.getFirst(), followed.getLast(), followed.get(1), notFollowed.getFirst()), Instant.now());
    assertThat(relationships).extracting(Relationship::following).containsExactly(false, false, true, true);
    List<Instant> times = store.followTimes(Collections.nCopies(2, fan), List.of(followed.get(1), followed.getFirst()));
    assertThat(times).containsExactly(start.plusMillis(1), null);
  }

  @Test
  void readsSeeEveryAcknowledgedWriteWhileOtherThreadsLoadTheSameEntries() throws Exception {
    List<UserId> targets = newUsers(8);
    List<UserId> writers = newUsers(6);
    List<UserId> everyone = new ArrayList<>(targets);
    everyone.addAll(writers);
    // Readers keep loading (and so racing to re-cache) the entries the writers invalidate.
    Runnable reader = () -> {
      Random random = new Random();
      UserId viewer = everyone.get(random.nextInt(everyone.size()));
      store.relationships(viewer, everyone.stream().filter(u -> !u.equals(viewer)).toList(), Instant.now());
    };
    raceReadersAgainstWriters(reader, writers, writer -> {
      Random random = new Random(writer.value());
      for (int i = 0; i < 300; i++) {
        UserId target = targets.get(random.nextInt(targets.size()));
        switch (random.nextInt(4)) {
          case 0 -> {
            store.follow(writer, target, Instant.now());
            assertRelationship(writer, target, true, false, false);
          }
          case 1 -> {
            store.unfollow(writer, target);
            assertRelationship(writer, target, false, false, false);
          }
          case 2 -> {
            store.block(writer, target, Instant.now());
            assertRelationship(writer, target, false, true, false);
            store.unblock(writer, target);
            assertRelationship(writer, target, false, false, false);
          }
          default -> {
            store.mute(writer, target, Instant.now(), null);
            assertThat(store.relationships(writer, List.of(target), Instant.now()).getFirst().muting())
                .as("%s mutes %s", writer, target).isTrue();
            store.unmute(writer, target);
            assertThat(store.relationships(writer, List.of(target), Instant.now()).getFirst().muting())
                .as("%s no longer mutes %s", writer, target).isFalse();
          }
        }
      }
    });
  }

  @Test
  void batchCountsSeeEveryAcknowledgedWriteWhileOtherThreadsFillTheSameEntries() throws Exception {
    List<UserId> targets = newUsers(5);
    List<UserId> writers = newUsers(4);
    List<UserId> everyone = new ArrayList<>(targets);
    everyone.addAll(writers);
    // Batch reads of everyone's counts keep filling the cache with what they read, racing the writers.
    raceReadersAgainstWriters(() -> store.counts(everyone), writers, writer -> {
      Random random = new Random(writer.value());
      Set<UserId> following = new HashSet<>();
      for (int i = 0; i < 400; i++) {
        UserId target = targets.get(random.nextInt(targets.size()));
        if (random.nextBoolean()) {
          store.follow(writer, target, Instant.now());
          following.add(target);
        } else {
          store.unfollow(writer, target);
          following.remove(target);
        }
        // Only this writer changes its own following count: a batch read must show it at once.
        assertThat(store.counts(everyone).get(writer).following()).as("%s follows", writer)
            .isEqualTo(following.size());
      }
    });
  }

  /** Two threads repeat {@code read} until every writer has run {@code write} to its end; any failure fails the test. */
  private static void raceReadersAgainstWriters(Runnable read, List<UserId> writers, Consumer<UserId> write)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers.size() + 2);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            read.run();
          }
          return null;
        }));
      }
      List<Future<?>> writes = new ArrayList<>();
      for (UserId writer : writers) {
        writes.add(pool.submit(() -> write.accept(writer)));
      }
      for (Future<?> done : writes) {
        done.get(2, TimeUnit.MINUTES);
      }
      writing.set(false);
      for (Future<?> reader : readers) {
        reader.get(1, TimeUnit.MINUTES);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  @Test
  void countsFollowEveryWriteAndADeletion() {
    UserId star = newUser().id();
    List<UserId> fans = newUsers(3);
    assertThat(store.counts(star).followers()).isZero(); // now cached
    for (UserId fan : fans) {
      store.follow(fan, star, Instant.now());
    }
    store.follow(star, fans.getFirst(), Instant.now());
    assertThat(store.counts(star)).isEqualTo(new Counts(3, 1, 1));
    assertThat(store.counts(fans.getFirst())).isEqualTo(new Counts(1, 1, 1));
    store.block(star, fans.getFirst(), Instant.now());
    assertThat(store.counts(star)).isEqualTo(new Counts(2, 0, 0));
    assertThat(store.counts(fans.getFirst())).isEqualTo(Counts.ZERO);
    store.deleteUser(fans.get(1));
    assertThat(store.counts(star).followers()).isEqualTo(1);
    assertThat(store.counts(fans.get(1))).isEqualTo(Counts.ZERO);
  }

  /** What the writer's last acknowledged write says, seen from both sides. */
  private void assertRelationship(UserId writer, UserId target, boolean following, boolean blocking,
                                  boolean muting) {
    Relationship mine = store.relationships(writer, List.of(target), Instant.now()).getFirst();
    Relationship theirs = store.relationships(target, List.of(writer), Instant.now()).getFirst();
    assertThat(mine.following()).as("%s follows %s", writer, target).isEqualTo(following);
    assertThat(theirs.followedBy()).as("%s is followed by %s", target, writer).isEqualTo(following);
    assertThat(mine.blocking()).as("%s blocks %s", writer, target).isEqualTo(blocking);
    assertThat(theirs.blockedBy()).as("%s is blocked by %s", target, writer).isEqualTo(blocking);
    assertThat(mine.muting()).as("%s mutes %s", writer, target).isEqualTo(muting);
    assertThat(store.followTimes(List.of(writer), List.of(target)).getFirst() != null)
        .as("follow time %s -> %s", writer, target).isEqualTo(following);
  }

  private void assertFollowing(UserId fan, List<UserId> others, int expectedFollowing) {
    List<Relationship> relationships = store.relationships(fan, others, Instant.now());
    for (int i = 0; i < others.size(); i++) {
      assertThat(relationships.get(i).other()).isEqualTo(others.get(i));
      assertThat(relationships.get(i).following()).as("%s follows %s", fan, others.get(i))
          .isEqualTo(i < expectedFollowing);
    }
    List<Instant> times = store.followTimes(Collections.nCopies(others.size(), fan), others);
    for (int i = 0; i < others.size(); i++) {
      assertThat(times.get(i) != null).as("follow time %s -> %s", fan, others.get(i)).isEqualTo(i < expectedFollowing);
    }
  }
}
