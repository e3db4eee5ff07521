package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Counts;
import io.kith.core.ErrorCode;
import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random sequences of create / delete / follow / unfollow / private-public switches / request answers / blocks /
 * mutes and unmutes, applied to the store and to a plain in-memory model; after every step the store must agree with the model
 * and every graph invariant must hold.
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

  @Provide
  Arbitrary<List<Op>> operations() {
    return GraphOps.sequences(SLOTS, 40);
  }

  /** The model: plain sets of pairs (from, to). */
  private static final class Model {
    final List<UserId> slots = new ArrayList<>(); // every user ever created in this try, deleted ones too
    final Set<UserId> live = new HashSet<>();
    final Set<UserId> privateUsers = new HashSet<>();
    final Set<List<UserId>> follows = new HashSet<>();
    final Set<List<UserId>> requests = new HashSet<>();
    final Set<List<UserId>> blocks = new HashSet<>();

    UserId at(int slot) {
      return slots.get(slot % slots.size());
    }

    void forget(UserId id) {
      live.remove(id);
      follows.removeIf(pair -> pair.contains(id));
      requests.removeIf(pair -> pair.contains(id));
      blocks.removeIf(pair -> pair.contains(id));
    }

    boolean blockedEitherWay(UserId a, UserId b) {
      return blocks.contains(List.of(a, b)) || blocks.contains(List.of(b, a));
    }
  }

  @Property(tries = 150)
  void theStoreAgreesWithAModelAfterEveryStep(@ForAll("operations") List<Op> operations) {
    Model model = new Model();
    long clock = 1_700_000_000_000L;
    for (Op op : operations) {
      clock += 1 + (clock % 3); // strictly increasing, with some steps landing in the same millisecond bucket
      Instant now = Instant.ofEpochMilli(clock);
      if (op instanceof Create) {
        UserId id = IDS.next();
        store.createUser(new User(id, new Handle("u" + id), "", "", null, false, now), "$argon2id$test");
        model.slots.add(id);
        model.live.add(id);
      } else if (!model.slots.isEmpty()) {
        apply(op, model, now);
      }
      assertAgrees(model);
    }
  }

  private void apply(Op op, Model model, Instant now) {
    switch (op) {
      case Create create -> throw new IllegalStateException("handled by the caller");
      case Delete delete -> {
        UserId id = model.at(delete.slot());
        assertThat(store.deleteUser(id)).isEqualTo(model.live.contains(id));
        model.forget(id);
      }
      case FollowOp follow -> follow(model, model.at(follow.from()), model.at(follow.to()), now);
      case UnfollowOp unfollow -> {
        UserId from = model.at(unfollow.from());
        UserId to = model.at(unfollow.to());
        if (!from.equals(to)) {
          boolean removed = model.follows.remove(List.of(from, to)) | model.requests.remove(List.of(from, to));
          assertThat(store.unfollow(from, to)).isEqualTo(removed);
        }
      }
      case SetPrivate set -> {
        UserId id = model.at(set.slot());
        if (!model.live.contains(id)) {
          return;
        }
        store.updateUser(id, ProfileUpdate.none().withPrivate(set.isPrivate()));
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
        UserId owner = model.at(accept.owner());
        UserId requester = model.at(accept.requester());
        boolean pending = !owner.equals(requester) && model.requests.remove(List.of(requester, owner));
        assertThat(store.acceptRequest(owner, requester, now)).isEqualTo(pending);
        if (pending) {
          model.follows.add(List.of(requester, owner));
        }
      }
      case Reject reject -> {
        UserId owner = model.at(reject.owner());
        UserId requester = model.at(reject.requester());
        boolean pending = !owner.equals(requester) && model.requests.remove(List.of(requester, owner));
        assertThat(store.rejectRequest(owner, requester)).isEqualTo(pending);
      }
      case BlockOp block -> {
        UserId from = model.at(block.from());
        UserId to = model.at(block.to());
        if (from.equals(to)) {
          assertCode(() -> store.block(from, to, now), ErrorCode.INVALID_ARGUMENT);
        } else if (!model.live.contains(from) || !model.live.contains(to)) {
          assertCode(() -> store.block(from, to, now), ErrorCode.NOT_FOUND);
        } else {
          assertThat(store.block(from, to, now)).isEqualTo(model.blocks.add(List.of(from, to)));
          for (Set<List<UserId>> pairs : List.of(model.follows, model.requests)) {
            pairs.remove(List.of(from, to));
            pairs.remove(List.of(to, from));
          }
        }
      }
      case UnblockOp unblock -> {
        UserId from = model.at(unblock.from());
        UserId to = model.at(unblock.to());
        if (!from.equals(to)) {
          assertThat(store.unblock(from, to)).isEqualTo(model.blocks.remove(List.of(from, to)));
        }
      }
      case MuteOp mute -> {
        UserId from = model.at(mute.from());
        UserId to = model.at(mute.to());
        if (!from.equals(to) && model.live.contains(from) && model.live.contains(to)) {
          store.mute(from, to, now, null);
          assertThat(store.relationships(from, List.of(to), now).getFirst().muting()).isTrue();
        }
      }
      case UnmuteOp unmute -> {
        UserId from = model.at(unmute.from());
        UserId to = model.at(unmute.to());
        if (!from.equals(to) && model.live.contains(from) && model.live.contains(to)) {
          store.unmute(from, to);
          assertThat(store.relationships(from, List.of(to), now).getFirst().muting()).isFalse();
        }
      }
    }
  }

  private void follow(Model model, UserId from, UserId to, Instant at) {
    if (from.equals(to)) {
      assertCode(() -> store.follow(from, to, at), ErrorCode.INVALID_ARGUMENT);
    } else if (!model.live.contains(from) || !model.live.contains(to)) {
      assertCode(() -> store.follow(from, to, at), ErrorCode.NOT_FOUND);
    } else if (model.blockedEitherWay(from, to)) {
      assertCode(() -> store.follow(from, to, at), ErrorCode.BLOCKED);
    } else if (model.follows.contains(List.of(from, to))) {
      assertThat(store.follow(from, to, at)).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
    } else if (model.privateUsers.contains(to)) {
      boolean added = model.requests.add(List.of(from, to));
      assertThat(store.follow(from, to, at))
          .isEqualTo(added ? FollowOutcome.REQUESTED : FollowOutcome.ALREADY_REQUESTED);
    } else {
      model.follows.add(List.of(from, to));
      assertThat(store.follow(from, to, at)).isEqualTo(FollowOutcome.CREATED);
    }
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(KithException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  private void assertAgrees(Model model) {
    Map<UserId, GraphInvariants.Lists> lists = GraphInvariants.assertHold(store, model.slots);
    assertThat(lists.keySet()).isEqualTo(model.live);
    for (UserId id : model.live) {
      Set<UserId> following = others(model.follows, id, 0);
      Set<UserId> followers = others(model.follows, id, 1);
      Set<UserId> friends = new HashSet<>(following);
      friends.retainAll(followers);
      GraphInvariants.Lists actual = lists.get(id);
      assertThat(actual.following()).as("following of %s", id).isEqualTo(following);
      assertThat(actual.followers()).as("followers of %s", id).isEqualTo(followers);
      assertThat(actual.requestsOut()).as("requests of %s", id).isEqualTo(others(model.requests, id, 0));
      assertThat(actual.requestsIn()).as("requests to %s", id).isEqualTo(others(model.requests, id, 1));
      assertThat(actual.blocking()).as("blocks of %s", id).isEqualTo(others(model.blocks, id, 0));
      assertThat(store.counts(id)).isEqualTo(new Counts(followers.size(), following.size(), friends.size()));
      assertThat(store.outgoingRequests(id)).as("outgoing requests of %s", id)
          .isEqualTo(others(model.requests, id, 0).size());
    }
  }

  /** The other ends of the pairs whose end {@code side} (0: from, 1: to) is {@code id}. */
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
