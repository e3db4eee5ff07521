package io.kith.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PermanentStoreException;
import io.kith.core.spi.TemporaryStoreException;
import io.kith.core.testing.MemoryStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry loop itself: what is retried, how often, with which backoff, and what passes straight through. */
class RetryingStoreTest {
  private static final Instant AT = Instant.ofEpochMilli(1_000);

  private final MemoryStore memory = new MemoryStore();
  private final UserId alice = memory.newUser();
  private final UserId bob = memory.newUser();
  /** Failures to raise, one per call, before the call reaches the memory store. */
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Long> pauses = new ArrayList<>();
  private final KithStore scripted = (KithStore) Proxy.newProxyInstance(KithStore.class.getClassLoader(),
      new Class<?>[] {KithStore.class}, scriptedCalls());

  private InvocationHandler scriptedCalls() {
    return (proxy, method, args) -> {
      calls.add(method.getName());
      if (!failures.isEmpty()) {
        throw failures.poll();
      }
      try {
        return method.invoke(memory, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }

  private RetryingStore retrying(int attempts, Duration backoff) {
    return new RetryingStore(scripted, attempts, backoff, pauses::add);
  }

  private static TemporaryStoreException temporary() {
    return new TemporaryStoreException("busy", null);
  }

  @Test
  void retriesTemporaryFailuresWithDoublingBackoffUntilOneSucceeds() {
    failures.add(temporary());
    failures.add(temporary());
    failures.add(temporary());
    assertThat(retrying(4, Duration.ofMillis(20)).follow(alice, bob, AT)).isEqualTo(FollowOutcome.CREATED);
    assertThat(calls).containsExactly("follow", "follow", "follow", "follow");
    assertThat(pauses).containsExactly(20_000_000L, 40_000_000L, 80_000_000L);
    assertThat(memory.counts(bob).followers()).isEqualTo(1);
  }

  @Test
  void theBackoffStopsGrowingAtOneSecond() {
    for (int i = 0; i < 5; i++) {
      failures.add(temporary());
    }
    assertThat(retrying(6, Duration.ofMillis(300)).counts(alice).followers()).isZero();
    assertThat(pauses).containsExactly(300_000_000L, 600_000_000L, 1_000_000_000L, 1_000_000_000L,
        1_000_000_000L);
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheLastFailure() {
    TemporaryStoreException last = temporary();
    failures.add(temporary());
    failures.add(temporary());
    failures.add(last);
    failures.add(temporary()); // never reached
    assertThatThrownBy(() -> retrying(3, Duration.ofMillis(1)).user(alice)).isSameAs(last);
    assertThat(calls).hasSize(3);
    assertThat(pauses).hasSize(2);
  }

  @Test
  void oneAttemptMeansNoRetry() {
    failures.add(temporary());
    assertThatThrownBy(() -> retrying(1, Duration.ofMillis(1)).user(alice))
        .isInstanceOf(TemporaryStoreException.class);
    assertThat(calls).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void neverRetriesPermanentFailuresDomainRefusalsOrBugs() {
    RetryingStore store = retrying(5, Duration.ofMillis(1));
    failures.add(new PermanentStoreException("disk full", null));
    assertThatThrownBy(() -> store.follow(alice, bob, AT)).isInstanceOf(PermanentStoreException.class);
    assertThat(calls).hasSize(1);

    calls.clear();
    assertThatThrownBy(() -> store.follow(alice, UserId.of(999), AT)).isInstanceOf(KithException.class);
    assertThat(calls).hasSize(1);

    calls.clear();
    failures.add(new IllegalStateException("bug"));
    assertThatThrownBy(() -> store.unfollow(alice, bob)).isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void refusesSettingsOutOfRange() {
    assertThatThrownBy(() -> new RetryingStore(scripted, 0, Duration.ZERO))
        .hasMessage("attempts: 0 (expected: 1-20)");
    assertThatThrownBy(() -> new RetryingStore(scripted, 21, Duration.ZERO))
        .hasMessage("attempts: 21 (expected: 1-20)");
    assertThatThrownBy(() -> new RetryingStore(scripted, 3, Duration.ofSeconds(11)))
        .hasMessage("initialBackoff: PT11S (expected: 0-10s)");
  }

  @Test
  void aRetriedFollowThatFindsItsOwnEdgeReportsItCreated() {
    // The first attempt applied, then its answer was lost.
    RetryingStore store = retrying(3, Duration.ZERO);
    KithStore lostAnswer = (KithStore) Proxy.newProxyInstance(KithStore.class.getClassLoader(),
        new Class<?>[] {KithStore.class}, (proxy, method, args) -> {
          Object result = method.invoke(memory, args);
          if (method.getName().equals("follow") && calls.add("applied") && calls.size() == 1) {
            throw temporary();
          }
          return result;
        });
    assertThat(new RetryingStore(lostAnswer, 3, Duration.ZERO, pauses::add).follow(alice, bob, AT))
        .isEqualTo(FollowOutcome.CREATED);
    // A follow that was there before the call is still reported as such, retried or not.
    calls.clear();
    assertThat(new RetryingStore(lostAnswer, 3, Duration.ZERO, pauses::add).follow(alice, bob, AT.plusSeconds(1)))
        .isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
    assertThat(store.follow(alice, bob, AT)).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
  }
}
