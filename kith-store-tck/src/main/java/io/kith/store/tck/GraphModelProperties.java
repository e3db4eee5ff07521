package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Counts;
import io.kith.core.ErrorCode;
import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.KithException;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random sequences of create / delete / follow / unfollow, applied to the store and to a plain in-memory model;
 * after every step the store must agree with the model and every graph invariant must hold.
 */
public abstract class GraphModelProperties {
  private static final int SLOTS = 6;
  private static final IdGenerator IDS = IdGenerator.snowflake(11, Clock.systemUTC());

  private KithStore store;

  /** A new, empty store for each try. */
  protected abstract KithStore openStore();

  @BeforeTry
  void open() {
    store = openStore();
  }

  @AfterTry
  void close() {
    store.close();
  }

  sealed interface Op permits Create, Delete, FollowOp, UnfollowOp {}

  record Create() implements Op {}

  record Delete(int slot) implements Op {}

  record FollowOp(int from, int to) implements Op {}

  record UnfollowOp(int from, int to) implements Op {}

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Integer> slot = Arbitraries.integers().between(0, SLOTS - 1);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new Create())),
        net.jqwik.api.Tuple.of(1, slot.map(Delete::new)),
        net.jqwik.api.Tuple.of(8, net.jqwik.api.Combinators.combine(slot, slot).as(FollowOp::new)),
        net.jqwik.api.Tuple.of(4, net.jqwik.api.Combinators.combine(slot, slot).as(UnfollowOp::new)));
    return op.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 150)
  void theStoreAgreesWithAModelAfterEveryStep(@ForAll("operations") List<Op> operations) {
    List<UserId> slots = new ArrayList<>(); // every user ever created in this try, deleted ones too
    Set<UserId> live = new HashSet<>();
    Set<List<UserId>> follows = new HashSet<>(); // the model: (follower, followee) pairs
    long clock = 1_700_000_000_000L;

    for (Op op : operations) {
      clock += 1 + (clock % 3); // strictly increasing, with some steps landing in the same millisecond bucket
      switch (op) {
        case Create create -> {
          UserId id = IDS.next();
          store.createUser(new User(id, new Handle("u" + id), "", "", null, false, Instant.ofEpochMilli(clock)),
              "$argon2id$test");
          slots.add(id);
          live.add(id);
        }
        case Delete delete -> {
          if (slots.isEmpty()) {
            continue;
          }
          UserId id = slots.get(delete.slot() % slots.size());
          assertThat(store.deleteUser(id)).isEqualTo(live.remove(id));
          follows.removeIf(pair -> pair.contains(id));
        }
        case FollowOp follow -> {
          if (slots.isEmpty()) {
            continue;
          }
          UserId from = slots.get(follow.from() % slots.size());
          UserId to = slots.get(follow.to() % slots.size());
          Instant at = Instant.ofEpochMilli(clock);
          if (from.equals(to)) {
            assertThatThrownBy(() -> store.follow(from, to, at)).isInstanceOfSatisfying(KithException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
          } else if (!live.contains(from) || !live.contains(to)) {
            assertThatThrownBy(() -> store.follow(from, to, at)).isInstanceOfSatisfying(KithException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
          } else {
            boolean added = follows.add(List.of(from, to));
            assertThat(store.follow(from, to, at))
                .isEqualTo(added ? FollowOutcome.CREATED : FollowOutcome.ALREADY_FOLLOWING);
          }
        }
        case UnfollowOp unfollow -> {
          if (slots.isEmpty()) {
            continue;
          }
          UserId from = slots.get(unfollow.from() % slots.size());
          UserId to = slots.get(unfollow.to() % slots.size());
          if (!from.equals(to)) {
            assertThat(store.unfollow(from, to)).isEqualTo(follows.remove(List.of(from, to)));
          }
        }
      }
      assertAgrees(slots, live, follows);
    }
  }

  private void assertAgrees(List<UserId> slots, Set<UserId> live, Set<List<UserId>> follows) {
    Map<UserId, GraphInvariants.Lists> lists = GraphInvariants.assertHold(store, slots);
    assertThat(lists.keySet()).isEqualTo(live);
    for (UserId id : live) {
      Set<UserId> following = new HashSet<>();
      Set<UserId> followers = new HashSet<>();
      for (List<UserId> pair : follows) {
        if (pair.get(0).equals(id)) {
          following.add(pair.get(1));
        }
        if (pair.get(1).equals(id)) {
          followers.add(pair.get(0));
        }
      }
      Set<UserId> friends = new HashSet<>(following);
      friends.retainAll(followers);
      assertThat(lists.get(id).following()).as("following of %s", id).isEqualTo(following);
      assertThat(lists.get(id).followers()).as("followers of %s", id).isEqualTo(followers);
      assertThat(store.counts(id)).isEqualTo(new Counts(followers.size(), following.size(), friends.size()));
    }
  }
}
