package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Racing writers on the same pairs leave edges and counts exact (checked again by the invariants after each). */
public abstract class ConcurrencyContract extends StoreContract {
  private static final int THREADS = 16;

  @Test
  void sixteenThreadsRacingFollowAndUnfollowOnTheSamePairsLeaveCountsExact() throws Exception {
    List<UserId> users = newUsers(4);
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 150; i++) {
          UserId a = users.get(random.nextInt(users.size()));
          UserId b = users.get(random.nextInt(users.size()));
          if (a.equals(b)) {
            continue;
          }
          if (random.nextBoolean()) {
            store.follow(a, b, Instant.now());
          } else {
            store.unfollow(a, b);
          }
        }
        return null;
      });
    }
    runAll(workers);

    Map<UserId, GraphInvariants.Lists> lists = GraphInvariants.assertHold(store, users);
    for (UserId user : users) {
      GraphInvariants.Lists of = lists.get(user);
      assertThat(store.counts(user)).isEqualTo(new Counts(of.followers().size(), of.following().size(),
          of.friends().size()));
    }
  }

  @Test
  void racingDuplicateFollowsCreateTheEdgeExactlyOnce() throws Exception {
    UserId star = newUser().id();
    UserId fan = newUser().id();
    AtomicLong created = new AtomicLong();
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(() -> {
        if (store.follow(fan, star, Instant.now()) == FollowOutcome.CREATED) {
          created.incrementAndGet();
        }
        return null;
      });
    }
    runAll(workers);

    assertThat(created).hasValue(1);
    assertThat(store.counts(star)).isEqualTo(new Counts(1, 0, 0));
  }

  @Test
  void manyFollowersOfOneAccountAtOnceAreAllCounted() throws Exception {
    UserId star = newUser().id();
    List<UserId> fans = newUsers(THREADS * 8);
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int first = t * 8;
      workers.add(() -> {
        for (int i = first; i < first + 8; i++) {
          store.follow(fans.get(i), star, Instant.now());
          store.follow(star, fans.get(i), Instant.now());
        }
        return null;
      });
    }
    runAll(workers);

    assertThat(store.counts(star)).isEqualTo(new Counts(fans.size(), fans.size(), fans.size()));
  }

  @Test
  void deletingAUserWhileOthersFollowItLeavesNoDanglingEdge() throws Exception {
    UserId doomed = newUser().id();
    List<UserId> fans = newUsers(64);
    for (int i = 0; i < 32; i++) {
      store.follow(fans.get(i), doomed, Instant.now());
    }
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = 32 + t * 8;
      workers.add(() -> {
        for (int i = first; i < first + 8; i++) {
          try {
            store.follow(fans.get(i), doomed, Instant.now());
            store.follow(doomed, fans.get(i), Instant.now());
          } catch (io.kith.core.KithException expectedOnceDeleted) {
            // the user vanished mid-race: a not-found is the right answer
          }
        }
        return null;
      });
    }
    workers.add(() -> {
      store.deleteUser(doomed);
      return null;
    });
    runAll(workers);

    assertThat(store.counts(fans)).allSatisfy((fan, counts) -> assertThat(counts).isEqualTo(Counts.ZERO));
  }

  private static void runAll(List<Callable<Void>> workers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<Void>> futures = pool.invokeAll(workers);
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
