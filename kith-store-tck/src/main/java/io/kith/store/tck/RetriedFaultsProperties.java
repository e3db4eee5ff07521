package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.TemporaryStoreException;
import io.kith.store.tck.GraphOps.Accept;
import io.kith.store.tck.GraphOps.BlockOp;
import io.kith.store.tck.GraphOps.Create;
import io.kith.store.tck.GraphOps.Delete;
import io.kith.store.tck.GraphOps.FollowOp;
import io.kith.store.tck.GraphOps.MuteOp;
import io.kith.store.tck.GraphOps.Op;
import io.kith.store.tck.GraphOps.Reject;
import io.kith.store.tck.GraphOps.SetPrivate;
import io.kith.store.tck.GraphOps.UnblockOp;
import io.kith.store.tck.GraphOps.UnfollowOp;
import io.kith.store.tck.GraphOps.UnmuteOp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random operation sequences through {@code KithStore.withRetries(new FaultyStore(store, ...))}: temporary failures
 * before calls (nothing applied) and after writes (applied, but reported failed), then retried. Every call must end
 * either with the answer a fault-free store gives (a retried write that finds its own effect answers as if it had
 * applied once) or with a clean {@link TemporaryStoreException}; and after every step, whatever happened, the graph
 * invariants hold and every user's lists are exactly a model's (no double counts, no half-written edges).
 */
public abstract class RetriedFaultsProperties {
  private static final int SLOTS = 5;
  private static final IdGenerator IDS = IdGenerator.snowflake(13, Clock.systemUTC());

  private KithStore store;

  /** A new, empty store for each try. */
  protected abstract KithStore openStore();

  @BeforeTry
  void open() {
    store = openStore();
  }

  /** Called after each try's store is closed, e.g. to delete its files. */
  protected void closed() {}

  @AfterTry
  void close() {
    store.close();
    closed();
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    return GraphOps.sequences(SLOTS, 30);
  }

  /** What a fault-free store holds: plain sets of pairs (from, to). */
  private static final class Model {
    final List<UserId> slots = new ArrayList<>();
    final Set<UserId> live = new HashSet<>();
    final Set<UserId> privateUsers = new HashSet<>();
    final Set<List<UserId>> follows = new HashSet<>();
    final Set<List<UserId>> requests = new HashSet<>();
    final Set<List<UserId>> blocks = new HashSet<>();
    final Set<List<UserId>> mutes = new HashSet<>();

    UserId at(int slot) {
      return slots.get(slot % slots.size());
    }

    boolean usable(UserId a, UserId b) {
      return !a.equals(b) && live.contains(a) && live.contains(b);
    }
  }

  @Property(tries = 100)
  void retriedCallsAnswerAsIfAppliedOnceAndKeepTheGraphWhole(@ForAll("operations") List<Op> operations,
                                                               @ForAll long seed) {
    FaultyStore faulty = new FaultyStore(store, seed, 0.3);
    KithStore retrying = KithStore.withRetries(faulty, 4, Duration.ZERO);
    Model model = new Model();
    long clock = 1_700_000_000_000L;
    int failedCalls = 0;
    for (Op op : operations) {
      clock += 1 + (clock % 3);
      Instant now = Instant.ofEpochMilli(clock);
      long faultsBefore = faulty.injected();
      try {
        apply(retrying, op, model, now, () -> faulty.injected() > faultsBefore);
      } catch (TemporaryStoreException e) {
        // A clean failure after every attempt: the call may or may not have applied. Learn which from the store.
        failedCalls++;
        resync(model);
      }
      assertAgrees(model);
    }
    assertThat(failedCalls).isLessThanOrEqualTo(operations.size());
  }

  private void apply(KithStore s, Op op, Model model, Instant now, Supplier<Boolean> faulted) {
    switch (op) {
      case Create create -> {
        UserId id = IDS.next();
        model.slots.add(id);
        s.createUser(new User(id, new Handle("f" + id), "", "", null, false, now), "$argon2id$test");
        model.live.add(id);
      }
      case Delete delete -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId id = model.at(delete.slot());
        boolean existed = model.live.contains(id);
        assertRemoval(s.deleteUser(id), existed, faulted);
        model.live.remove(id);
        model.privateUsers.remove(id);
        for (Set<List<UserId>> pairs : List.of(model.follows, model.requests, model.blocks, model.mutes)) {
          pairs.removeIf(pair -> pair.contains(id));
        }
      }
      case FollowOp follow -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId from = model.at(follow.from());
        UserId to = model.at(follow.to());
        if (!model.usable(from, to) || model.blocks.contains(List.of(from, to))
            || model.blocks.contains(List.of(to, from))) {
          return; // refusals are the model test's business
        }
        FollowOutcome expected;
        if (model.follows.contains(List.of(from, to))) {
          expected = FollowOutcome.ALREADY_FOLLOWING;
        } else if (model.privateUsers.contains(to)) {
          expected = model.requests.contains(List.of(from, to))
              ? FollowOutcome.ALREADY_REQUESTED : FollowOutcome.REQUESTED;
        } else {
          expected = FollowOutcome.CREATED;
        }
        assertThat(s.follow(from, to, now)).as("follow %s -> %s", from, to).isEqualTo(expected);
        (model.privateUsers.contains(to) && expected != FollowOutcome.ALREADY_FOLLOWING
            ? model.requests : model.follows).add(List.of(from, to));
      }
      case UnfollowOp unfollow -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId from = model.at(unfollow.from());
        UserId to = model.at(unfollow.to());
        if (from.equals(to)) {
          return;
        }
        boolean there = model.follows.contains(List.of(from, to)) || model.requests.contains(List.of(from, to));
        assertRemoval(s.unfollow(from, to), there, faulted);
        model.follows.remove(List.of(from, to));
        model.requests.remove(List.of(from, to));
      }
      case SetPrivate set -> {
        if (model.slots.isEmpty() || !model.live.contains(model.at(set.slot()))) {
          return;
        }
        UserId id = model.at(set.slot());
        assertThat(s.updateUser(id, ProfileUpdate.none().withPrivate(set.isPrivate())).isPrivate())
            .isEqualTo(set.isPrivate());
        if (set.isPrivate()) {
          model.privateUsers.add(id);
        } else if (model.privateUsers.remove(id)) {
          for (List<UserId> request : List.copyOf(model.requests)) {
            if (request.get(1).equals(id)) {
              model.requests.remove(request);
              model.follows.add(request);
            }
          }
        }
      }
      case Accept accept -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId owner = model.at(accept.owner());
        UserId requester = model.at(accept.requester());
        if (owner.equals(requester)) {
          return;
        }
        boolean pending = model.requests.contains(List.of(requester, owner));
        assertThat(s.acceptRequest(owner, requester, now)).as("accept %s by %s", requester, owner)
            .isEqualTo(pending);
        if (pending) {
          model.requests.remove(List.of(requester, owner));
          model.follows.add(List.of(requester, owner));
        }
      }
      case Reject reject -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId owner = model.at(reject.owner());
        UserId requester = model.at(reject.requester());
        if (owner.equals(requester)) {
          return;
        }
        assertRemoval(s.rejectRequest(owner, requester), model.requests.remove(List.of(requester, owner)),
            faulted);
      }
      case BlockOp block -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId from = model.at(block.from());
        UserId to = model.at(block.to());
        if (!model.usable(from, to)) {
          return;
        }
        assertThat(s.block(from, to, now)).as("block %s -> %s", from, to)
            .isEqualTo(!model.blocks.contains(List.of(from, to)));
        model.blocks.add(List.of(from, to));
        for (Set<List<UserId>> pairs : List.of(model.follows, model.requests)) {
          pairs.remove(List.of(from, to));
          pairs.remove(List.of(to, from));
        }
      }
      case UnblockOp unblock -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId from = model.at(unblock.from());
        UserId to = model.at(unblock.to());
        if (!from.equals(to)) {
          assertRemoval(s.unblock(from, to), model.blocks.remove(List.of(from, to)), faulted);
        }
      }
      case MuteOp mute -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId from = model.at(mute.from());
        UserId to = model.at(mute.to());
        if (model.usable(from, to)) {
          s.mute(from, to, now, null);
          model.mutes.add(List.of(from, to));
        }
      }
      case UnmuteOp unmute -> {
        if (model.slots.isEmpty()) {
          return;
        }
        UserId from = model.at(unmute.from());
        UserId to = model.at(unmute.to());
        if (!from.equals(to)) {
          assertRemoval(s.unmute(from, to), model.mutes.remove(List.of(from, to)), faulted);
        }
      }
    }
  }

  /**
   * A removal answers whether something was there; after a failure that may have applied, "removed" is also right
   * when nothing was (the retry cannot tell its own earlier removal from none), but never "nothing" when it was.
   */
  private static void assertRemoval(boolean answer, boolean wasThere, Supplier<Boolean> faulted) {
    if (wasThere || !faulted.get()) {
      assertThat(answer).as("removal answer (was there: %s)", wasThere).isEqualTo(wasThere);
    }
  }

  /** Reads back what a failed call left: it applied wholly or not at all, and the model takes the store's word. */
  private void resync(Model model) {
    model.live.clear();
    for (UserId id : model.slots) {
      if (store.user(id).isPresent()) {
        model.live.add(id); // ids are never reused: only a creation that applied can make one live
      }
    }
    model.privateUsers.clear();
    for (UserId id : model.live) {
      if (store.user(id).orElseThrow().isPrivate()) {
        model.privateUsers.add(id);
      }
    }
    Map<UserId, GraphInvariants.Lists> lists = GraphInvariants.assertHold(store, model.slots);
    model.follows.clear();
    model.requests.clear();
    model.blocks.clear();
    lists.forEach((id, of) -> {
      of.following().forEach(other -> model.follows.add(List.of(id, other)));
      of.requestsOut().forEach(other -> model.requests.add(List.of(id, other)));
      of.blocking().forEach(other -> model.blocks.add(List.of(id, other)));
    });
    model.mutes.removeIf(pair -> !model.live.contains(pair.get(0)) || !model.live.contains(pair.get(1)));
    for (UserId id : model.live) {
      for (UserId other : model.live) {
        if (!id.equals(other)) {
          boolean muting = store.relationships(id, List.of(other), Instant.now()).getFirst().muting();
          if (muting) {
            model.mutes.add(List.of(id, other));
          } else {
            model.mutes.remove(List.of(id, other));
          }
        }
      }
    }
  }

  private void assertAgrees(Model model) {
    Map<UserId, GraphInvariants.Lists> lists = GraphInvariants.assertHold(store, model.slots);
    assertThat(lists.keySet()).as("live users").isEqualTo(model.live);
    for (UserId id : model.live) {
      GraphInvariants.Lists actual = lists.get(id);
      assertThat(actual.following()).as("following of %s", id).isEqualTo(others(model.follows, id, 0));
      assertThat(actual.followers()).as("followers of %s", id).isEqualTo(others(model.follows, id, 1));
      assertThat(actual.requestsOut()).as("requests of %s", id).isEqualTo(others(model.requests, id, 0));
      assertThat(actual.blocking()).as("blocks of %s", id).isEqualTo(others(model.blocks, id, 0));
      for (UserId other : model.live) {
        if (!other.equals(id)) {
          assertThat(store.relationships(id, List.of(other), Instant.now()).getFirst().muting())
              .as("%s mutes %s", id, other).isEqualTo(model.mutes.contains(List.of(id, other)));
        }
      }
    }
  }

  private static Set<UserId> others(Set<List<UserId>> pairs, UserId id, int side) {
    Set<UserId> found = new HashSet<>();
    for (List<UserId> pair : pairs) {
      if (pair.get(side).equals(id)) {
        found.add(pair.get(1 - side));
      }
    }
    return found;
  }
}
