package io.kith.core.relation.pair;

import static io.kith.core.relation.pair.Shapes.A;
import static io.kith.core.relation.pair.Shapes.B;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.event.EventType;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every verb by either user from every pair state the rules can reach (from two public users with nothing between
 * them, by the verbs, privacy switches and account deletions), checked against properties that hold for all of them:
 * the state stays consistent, a change's effects are exactly the difference of the lists and counts that the two
 * states imply (computed here the plain way), a verb repeated changes nothing, and only a change makes events.
 */
class ReachableStatesTest {
  private static final Map<Verb, Set<EventType>> EVENTS = new EnumMap<>(Verb.class);

  static {
    EVENTS.put(Verb.FOLLOW, EnumSet.of(EventType.FOLLOW, EventType.FOLLOW_REQUESTED));
    EVENTS.put(Verb.UNFOLLOW, EnumSet.of(EventType.UNFOLLOW, EventType.FOLLOW_REQUEST_WITHDRAWN));
    EVENTS.put(Verb.ACCEPT, EnumSet.of(EventType.FOLLOW_REQUEST_ACCEPTED));
    EVENTS.put(Verb.REJECT, EnumSet.of(EventType.FOLLOW_REQUEST_REJECTED));
    EVENTS.put(Verb.WITHDRAW, EnumSet.of(EventType.FOLLOW_REQUEST_WITHDRAWN));
    EVENTS.put(Verb.REMOVE_FOLLOWER, EnumSet.of(EventType.FOLLOWER_REMOVED, EventType.FOLLOW_REQUEST_REJECTED));
    EVENTS.put(Verb.BLOCK, EnumSet.of(EventType.BLOCK));
    EVENTS.put(Verb.UNBLOCK, EnumSet.of(EventType.UNBLOCK));
    EVENTS.put(Verb.MUTE, EnumSet.of(EventType.MUTE));
    EVENTS.put(Verb.UNMUTE, EnumSet.of(EventType.UNMUTE));
  }

  /** A reachable state, with its accounts. */
  record Node(PairState state, Accounts accounts) {}

  private static Map<String, Node> reachable;
  private static long clock = 1_000;

  @BeforeAll
  static void explore() {
    reachable = new LinkedHashMap<>();
    Deque<Node> queue = new ArrayDeque<>();
    Node start = new Node(PairState.empty(A, B), Shapes.accounts("-"));
    reachable.put(key(start), start);
    queue.add(start);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      List<Node> next = new ArrayList<>();
      for (PairCommand command : commands()) {
        try {
          next.add(new Node(Transitions.apply(command, node.state(), node.accounts()).after(), node.accounts()));
        } catch (KithException refused) {
          // not_found or blocked: no state reached
        }
      }
      for (UserId user : List.of(A, B)) {
        if (node.accounts().of(user).exists()) {
          next.add(withAccount(node, user, Account.PRIVATE, node.state()));
          Accounts publicNow = account(node.accounts(), user, Account.PUBLIC);
          next.add(new Node(Transitions.settle(node.state(), publicNow, tick()).after(), publicNow));
          next.add(withAccount(node, user, Account.ABSENT, Transitions.deleteAccount(node.state(), user).after()));
        }
      }
      for (Node found : next) {
        if (reachable.putIfAbsent(key(found), found) == null) {
          queue.add(found);
        }
      }
    }
  }

  @Test
  void theRulesReachAFixedSetOfStates() {
    // Pins the state space: a change to the rules that reaches new states (or loses some) must show up here.
    assertThat(reachable.size()).isEqualTo(EXPECTED_STATES);
  }

  @Test
  void everyReachableStateIsConsistent() {
    for (Node node : reachable.values()) {
      assertConsistent(node);
    }
  }

  @Test
  void everyVerbFromEveryStateHasTheEffectsOfItsStateChange() {
    int changes = 0;
    for (Node node : reachable.values()) {
      for (PairCommand command : commands()) {
        Change change;
        try {
          change = Transitions.apply(command, node.state(), node.accounts());
        } catch (KithException refused) {
          assertThat(command.verb()).isIn(Verb.FOLLOW, Verb.BLOCK, Verb.MUTE);
          continue;
        }
        String what = command.verb() + " by " + command.actor() + " from " + key(node);
        assertThat(change.before()).as(what).isEqualTo(node.state());
        assertConsistent(new Node(change.after(), node.accounts()));
        assertThat(change.effects()).as(what).isEqualTo(Effects.between(change.before(), change.after()));
        assertListsAndCountsMove(change, what);
        if (change.changed()) {
          changes++;
          assertThat(change.outcome()).as(what).isIn(Outcome.CHANGED, Outcome.FOLLOWED, Outcome.REQUESTED);
          assertThat(change.events()).as(what).isNotEmpty().allSatisfy(event -> {
            assertThat(event.type()).isIn(EVENTS.get(command.verb()));
            assertThat(event.actor()).isEqualTo(command.actor());
            assertThat(event.subject()).isEqualTo(command.subject());
          });
        } else {
          assertThat(change.outcome()).as(what).isIn(Outcome.UNCHANGED, Outcome.ALREADY_FOLLOWING,
              Outcome.ALREADY_REQUESTED);
          assertThat(change.effects()).as(what).isEqualTo(Effects.NONE);
          assertThat(change.events()).as(what).isEmpty();
        }
        Change again = Transitions.apply(command, change.after(), node.accounts());
        assertThat(again.changed()).as("%s, repeated", what).isFalse();
        assertThat(again.events()).as("%s, repeated", what).isEmpty();
      }
    }
    assertThat(changes).isPositive();
  }

  @Test
  void deletionAndGoingPublicHaveTheEffectsOfTheirStateChange() {
    for (Node node : reachable.values()) {
      for (UserId user : List.of(A, B)) {
        Change deleted = Transitions.deleteAccount(node.state(), user);
        assertThat(deleted.after().isEmpty()).isTrue();
        assertThat(deleted.events()).isEmpty();
        assertListsAndCountsMove(deleted, "deleting " + user + " from " + key(node));
        if (node.accounts().of(user).exists()) {
          Change approved = Transitions.settle(node.state(), account(node.accounts(), user, Account.PUBLIC), tick());
          assertListsAndCountsMove(approved, user + " going public from " + key(node));
          assertThat(approved.events()).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(EventType.FOLLOW_REQUEST_ACCEPTED);
            assertThat(event.actor()).isEqualTo(user);
          });
        }
      }
    }
  }

  /**
   * Pair shapes (what holds each way, a mute with or without end) times the accounts they can be reached with: a
   * request only to a private account, nothing left with a deleted one.
   */
  private static final int EXPECTED_STATES = 338;

  /** Every verb by either user, each relation it makes starting at a new time. */
  private static List<PairCommand> commands() {
    List<PairCommand> commands = new ArrayList<>();
    for (UserId actor : List.of(A, B)) {
      UserId subject = actor.equals(A) ? B : A;
      for (Verb verb : Verb.values()) {
        Instant at = tick();
        commands.add(verb == Verb.MUTE ? PairCommand.mute(actor, subject, at, null)
            : new PairCommand(verb, actor, subject, at, null));
      }
      commands.add(PairCommand.mute(actor, subject, tick(), Instant.ofEpochSecond(1_000_000)));
    }
    return commands;
  }

  private static Instant tick() {
    return Instant.ofEpochMilli(clock++);
  }

  private static void assertConsistent(Node node) {
    PairState state = node.state();
    for (UserId from : List.of(A, B)) {
      OneWay out = state.from(from);
      UserId to = state.other(from);
      assertThat(out.follows() && out.requests()).as("follow and request of %s", key(node)).isFalse();
      if (state.blockedEitherWay()) {
        assertThat(out.follows() || out.requests()).as("tie across a block in %s", key(node)).isFalse();
      }
      if (out.requests()) {
        assertThat(node.accounts().of(to)).as("request to a public account in %s", key(node))
            .isEqualTo(Account.PRIVATE);
      }
      if (!node.accounts().of(from).exists()) {
        assertThat(state.isEmpty()).as("ties of a deleted account in %s", key(node)).isTrue();
      }
    }
  }

  /** The lists and counts the state after implies are those of the state before, moved by the effects. */
  private static void assertListsAndCountsMove(Change change, String what) {
    Set<ListEntry> lists = entries(change.before());
    assertThat(lists).as("%s removes only entries there", what).containsAll(change.effects().removed());
    change.effects().removed().forEach(lists::remove);
    for (ListEntry added : change.effects().added()) {
      assertThat(lists.add(added)).as("%s adds %s, which is there", what, added).isTrue();
    }
    assertThat(lists).as("%s: lists after", what).isEqualTo(entries(change.after()));

    Map<String, Long> counts = counts(change.before());
    for (CountDelta delta : change.effects().counts()) {
      counts.merge(delta.user() + "/" + delta.counter(), delta.delta(), Long::sum);
    }
    counts.values().removeIf(count -> count == 0);
    assertThat(counts).as("%s: counts after", what).isEqualTo(counts(change.after()));
  }

  /** The list entries a state implies, the plain way. */
  private static Set<ListEntry> entries(PairState state) {
    Set<ListEntry> entries = new HashSet<>();
    for (UserId from : List.of(state.lo(), state.hi())) {
      UserId to = state.other(from);
      OneWay out = state.from(from);
      if (out.follows()) {
        entries.add(new ListEntry(RelationList.FOLLOWING, from, to, out.followedAt()));
        entries.add(new ListEntry(RelationList.FOLLOWERS, to, from, out.followedAt()));
        OneWay in = state.from(to);
        if (in.follows()) {
          Instant since = out.followedAt().isAfter(in.followedAt()) ? out.followedAt() : in.followedAt();
          entries.add(new ListEntry(RelationList.FRIENDS, from, to, since));
        }
      }
      if (out.requests()) {
        entries.add(new ListEntry(RelationList.REQUESTS_OUT, from, to, out.requestedAt()));
        entries.add(new ListEntry(RelationList.REQUESTS_IN, to, from, out.requestedAt()));
      }
      if (out.blocks()) {
        entries.add(new ListEntry(RelationList.BLOCKING, from, to, out.blockedAt()));
        entries.add(new ListEntry(RelationList.BLOCKED_BY, to, from, out.blockedAt()));
      }
      if (out.mutes()) {
        entries.add(new ListEntry(RelationList.MUTING, from, to, out.mutedAt()));
        entries.add(new ListEntry(RelationList.MUTED_BY, to, from, out.mutedAt()));
      }
    }
    return entries;
  }

  /** The counts a state implies (zeros left out), keyed "user/counter". */
  private static Map<String, Long> counts(PairState state) {
    Map<String, Long> counts = new HashMap<>();
    for (ListEntry entry : entries(state)) {
      Counter counter = switch (entry.list()) {
        case FOLLOWING -> Counter.FOLLOWING;
        case FOLLOWERS -> Counter.FOLLOWERS;
        case FRIENDS -> Counter.FRIENDS;
        case REQUESTS_OUT -> Counter.REQUESTS_OUT;
        case REQUESTS_IN -> Counter.REQUESTS_IN;
        case BLOCKING, BLOCKED_BY, MUTING, MUTED_BY -> null;
      };
      if (counter != null) {
        counts.merge(entry.owner() + "/" + counter, 1L, Long::sum);
      }
    }
    return counts;
  }

  private static Node withAccount(Node node, UserId user, Account account, PairState state) {
    return new Node(state, account(node.accounts(), user, account));
  }

  private static Accounts account(Accounts accounts, UserId user, Account account) {
    return user.equals(A) ? new Accounts(A, account, B, accounts.ofB()) : new Accounts(A, accounts.ofA(), B, account);
  }

  /** A state by what holds (times dropped; a mute's end kept as "with end" or not) and the accounts. */
  static String key(Node node) {
    return "a>b:" + flags(node.state().from(A)) + " b>a:" + flags(node.state().from(B)) + " a:" + node.accounts().ofA()
        + " b:" + node.accounts().ofB();
  }

  private static String flags(OneWay ties) {
    return Shapes.flags(ties) + (ties.muteExpiresAt() != null ? "~" : "");
  }
}
