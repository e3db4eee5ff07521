package io.kith.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.limit.RateLimiter;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.WindowCharge;
import io.kith.core.testing.MemoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The store calls one follow makes: its reads, then a single write that carries the rate-window increments (so a
 * durable store syncs once per follow, see RocksDbWalSyncTest). Over an in-memory store that records every call.
 */
class FollowStoreCallsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  private final MemoryStore memory = new MemoryStore();
  private final Map<String, Long> windows = new ConcurrentHashMap<>();
  private final List<String> calls = new ArrayList<>();

  @Test
  void aFollowReadsSixTimesAndWritesOnceWithItsWindowCharges() {
    UserId ann = user(1, "ann");
    UserId bea = user(2, "bea");
    KithStore store = recording();
    Follow follow = new Follow(store, CLOCK, RelationLimits.defaults(), new RateLimiter(store, CLOCK),
        RelationListener.NONE);

    assertThat(follow.execute(ann, bea)).isEqualTo(FollowOutcome.CREATED);

    assertThat(calls).containsExactly("relationships", "existingUsers", "counts", "outgoingRequests", "windowCounts",
        "windowCounts", "follow+charges");
    assertThat(windows).hasSize(2).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));

    calls.clear();
    assertThat(follow.execute(ann, bea)).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
    assertThat(calls).as("a repeat is one read, and counts nothing").containsExactly("relationships", "existingUsers");
  }

  private UserId user(long id, String handle) {
    UserId userId = UserId.of(id);
    memory.createUser(new User(userId, new Handle(handle), "", "", null, false, CLOCK.instant()), "$x");
    return userId;
  }

  /** The memory store with rate windows, recording each call's name; a follow with charges applies them with it. */
  private KithStore recording() {
    return (KithStore) Proxy.newProxyInstance(KithStore.class.getClassLoader(), new Class<?>[] {KithStore.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "addToWindow" -> {
              calls.add("addToWindow");
              windows.merge(args[0] + "/" + args[1] + "/" + args[2], (long) args[3], Long::sum);
              return null;
            }
            case "windowCounts" -> {
              calls.add("windowCounts");
              long from = (long) args[2];
              long to = (long) args[3];
              long[] counts = new long[(int) (to - from + 1)];
              for (long b = from; b <= to; b++) {
                counts[(int) (b - from)] = windows.getOrDefault(args[0] + "/" + args[1] + "/" + b, 0L);
              }
              return counts;
            }
            case "follow" -> {
              FollowOutcome outcome = memory.follow((UserId) args[0], (UserId) args[1], (Instant) args[2]);
              if (args.length == 3) {
                calls.add("follow");
                return outcome;
              }
              calls.add("follow+charges");
              if (outcome == FollowOutcome.CREATED || outcome == FollowOutcome.REQUESTED) {
                @SuppressWarnings("unchecked")
                List<WindowCharge> charges = (List<WindowCharge>) args[3];
                for (WindowCharge c : charges) {
                  windows.merge(c.limiter() + "/" + c.subject() + "/" + c.bucket(), c.delta(), Long::sum);
                }
              }
              return outcome;
            }
            default -> {
              calls.add(method.getName());
              try {
                return method.invoke(memory, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
          }
        });
  }
}
