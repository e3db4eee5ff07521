package io.kith.store.tck;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.relation.pair.Account;
import io.kith.core.relation.pair.Accounts;
import io.kith.core.relation.pair.OneWay;
import io.kith.core.relation.pair.PairCommand;
import io.kith.core.relation.pair.PairState;
import io.kith.core.relation.pair.Transitions;
import io.kith.core.relation.pair.Verb;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every state a pair of users can reach under kith-core's rules, with a shortest way there: from two public users
 * with nothing between them, by every verb of either user and either user turning private or public. (Deleting an
 * account leads nowhere further, so it is a case to run from these states, not a way to them.) States are told
 * apart by what holds each way and by the accounts' privacy, not by times.
 */
final class ReachablePairs {
  /** The two users of the exploration; a case maps them to real users. */
  static final UserId A = UserId.of(1);
  static final UserId B = UserId.of(2);

  private ReachablePairs() {}

  /** One step of a way to a state: a verb of one user on the other, or a user turning private or public. */
  sealed interface Step permits VerbStep, PrivacyStep {}

  record VerbStep(Verb verb, boolean byA) implements Step {}

  record PrivacyStep(boolean ofA, boolean toPrivate) implements Step {}

  /** A reachable state (its times those of the exploration, only its shape matters) and a shortest way to it. */
  record Node(String key, PairState state, Accounts accounts, List<Step> path) {}

  static List<Node> explore() {
    Map<String, Node> found = new LinkedHashMap<>();
    Deque<Node> queue = new ArrayDeque<>();
    Accounts bothPublic = new Accounts(A, Account.PUBLIC, B, Account.PUBLIC);
    Node start = new Node(key(PairState.empty(A, B), bothPublic), PairState.empty(A, B), bothPublic, List.of());
    found.put(start.key(), start);
    queue.add(start);
    long clock = 1;
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      List<Node> next = new ArrayList<>();
      for (boolean byA : new boolean[] {true, false}) {
        UserId actor = byA ? A : B;
        UserId subject = byA ? B : A;
        for (Verb verb : Verb.values()) {
          Instant at = Instant.ofEpochMilli(clock++);
          try {
            PairState after = Transitions.apply(new PairCommand(verb, actor, subject, at, null), node.state(),
                node.accounts()).after();
            next.add(node(after, node.accounts(), node.path(), new VerbStep(verb, byA)));
          } catch (KithException refused) {
            // not_found or blocked: no way on from here
          }
        }
        for (boolean toPrivate : new boolean[] {true, false}) {
          Accounts accounts = withPrivacy(node.accounts(), actor, toPrivate);
          PairState after = toPrivate ? node.state()
              : Transitions.settle(node.state(), accounts, Instant.ofEpochMilli(clock++)).after();
          next.add(node(after, accounts, node.path(), new PrivacyStep(byA, toPrivate)));
        }
      }
      for (Node candidate : next) {
        if (found.putIfAbsent(candidate.key(), candidate) == null) {
          queue.add(candidate);
        }
      }
    }
    return List.copyOf(found.values());
  }

  static Accounts withPrivacy(Accounts accounts, UserId user, boolean isPrivate) {
    Account account = isPrivate ? Account.PRIVATE : Account.PUBLIC;
    return user.equals(accounts.a()) ? new Accounts(accounts.a(), account, accounts.b(), accounts.ofB())
        : new Accounts(accounts.a(), accounts.ofA(), accounts.b(), account);
  }

  /** What holds a -> b and b -> a, and both accounts: "a>b:fm b>a:r a:PUBLIC b:PRIVATE". */
  static String key(PairState state, Accounts accounts) {
    UserId a = accounts.a();
    UserId b = accounts.b();
    return "a>b:" + flags(state.from(a)) + " b>a:" + flags(state.from(b)) + " a:" + accounts.ofA() + " b:"
        + accounts.ofB();
  }

  /** {@code f} follow, {@code r} request, {@code b} block, {@code m} mute, {@code -} nothing. */
  static String flags(OneWay ties) {
    String flags = (ties.follows() ? "f" : "") + (ties.requests() ? "r" : "") + (ties.blocks() ? "b" : "")
        + (ties.mutes() ? "m" : "");
    return flags.isEmpty() ? "-" : flags;
  }

  private static Node node(PairState state, Accounts accounts, List<Step> path, Step step) {
    List<Step> longer = new ArrayList<>(path);
    longer.add(step);
    return new Node(key(state, accounts), state, accounts, List.copyOf(longer));
  }
}
