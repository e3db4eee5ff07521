package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.relation.pair.Account;
import io.kith.core.relation.pair.Accounts;
import io.kith.core.relation.pair.Change;
import io.kith.core.relation.pair.CountDelta;
import io.kith.core.relation.pair.ListEntry;
import io.kith.core.relation.pair.OneWay;
import io.kith.core.relation.pair.Outcome;
import io.kith.core.relation.pair.PairCommand;
import io.kith.core.relation.pair.PairState;
import io.kith.core.relation.pair.Transitions;
import io.kith.core.relation.pair.Verb;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.store.tck.ReachablePairs.Node;
import io.kith.store.tck.ReachablePairs.PrivacyStep;
import io.kith.store.tck.ReachablePairs.Step;
import io.kith.store.tck.ReachablePairs.VerbStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The store against kith-core's rules: every verb from every pair state the rules can reach
 * ({@link ReachablePairs}), and the two account changes that touch pairs (deletion, going public). Each case takes a
 * pair of new users to the state by its shortest way, reads what the SPI shows of the two (all lists with their
 * times, counts, pending outgoing requests, relationships both ways, accounts), runs the case, reads again, and
 * compares: the lists must have moved by exactly the entries the core's change removes and adds, the counts by its
 * deltas, the relationships must be the core's state after, and the store's answer the core's outcome; a refusal
 * must be the core's, changing nothing. (The reverse lists {@code blocked_by} and {@code muted_by} are not paged by
 * the SPI; deleting an account, which reads them, is one of the cases.)
 *
 * <p>Cases are run by user a of the state (states come in mirrored pairs, so b's cases are a's of the mirror), a
 * holding the smaller id in every other case. A new verb or relation kind is covered once its transition is in
 * kith-core and {@link #call} maps it to the SPI.
 */
public abstract class TransitionContract extends StoreContract {
  private static final IdGenerator IDS = IdGenerator.snowflake(19, Clock.systemUTC());
  /** One case in this many also leaves its users to the invariants checked after the test. */
  private static final int INVARIANTS_SAMPLE = 50;
  private static final Duration MUTE_LENGTH = Duration.ofDays(30);

  /** Each call's time: one millisecond apart, so every relation a case makes has its own. */
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() - Duration.ofDays(1).toMillis());

  /** Cases run at once (each has users of its own). */
  protected int parallelism() {
    return 4;
  }

  /** What a case does, as user a, from its state. */
  sealed interface Action permits VerbAction, GoPublic, DeleteAccount {}

  /** A verb of a on b; a mute {@code withEnd} ends {@link #MUTE_LENGTH} after it starts. */
  record VerbAction(Verb verb, boolean withEnd) implements Action {}

  /** a, private, turns public: its pending requests are approved. */
  record GoPublic() implements Action {}

  /** a's account is deleted. */
  record DeleteAccount() implements Action {}

  record Case(int index, Node node, Action action) {
    @Override
    public String toString() {
      return action + " from " + node.key() + " (reached by " + node.path() + ", a's id "
          + (index % 2 == 0 ? "smaller" : "larger") + ")";
    }
  }

  /** The two users of a case. */
  private record Pair(UserId a, UserId b) {
    UserId of(UserId explored) {
      return explored.equals(ReachablePairs.A) ? a : b;
    }
  }

  @Test
  void everyVerbFromEveryReachableStateDoesWhatTheRulesSay() throws InterruptedException {
    List<Node> nodes = ReachablePairs.explore();
    List<Case> cases = new ArrayList<>();
    for (Node node : nodes) {
      List<Action> actions = new ArrayList<>();
      for (Verb verb : Verb.values()) {
        actions.add(new VerbAction(verb, false));
      }
      actions.add(new VerbAction(Verb.MUTE, true));
      if (node.accounts().ofA() == Account.PRIVATE) {
        actions.add(new GoPublic());
      }
      actions.add(new DeleteAccount());
      for (Action action : actions) {
        cases.add(new Case(cases.size(), node, action));
      }
    }
    List<String> failures = new ArrayList<>();
    Throwable first = null;
    ExecutorService pool = Executors.newFixedThreadPool(parallelism());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Case c : cases) {
        runs.add(pool.submit(() -> run(c)));
      }
      for (int i = 0; i < runs.size(); i++) {
        try {
          runs.get(i).get();
        } catch (ExecutionException e) {
          failures.add(cases.get(i) + ": " + e.getCause());
          first = first == null ? e.getCause() : first;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of " + cases.size() + " cases differ from the rules, e.g.:\n"
          + String.join("\n", failures.subList(0, Math.min(10, failures.size()))), first);
    }
    // Pins the coverage: the explored states (see ReachablePairs) and the cases run from them.
    assertThat(nodes).hasSize(148);
    assertThat(cases).hasSize(148 * (Verb.values().length + 2) + (int) nodes.stream()
        .filter(node -> node.accounts().ofA() == Account.PRIVATE).count());
  }

  private void run(Case c) {
    Pair pair = newPair(c.index() % 2 == 0);
    if (c.index() % INVARIANTS_SAMPLE == 0) {
      checkInvariantsOf(pair.a(), pair.b());
    }
    for (Step step : c.node().path()) {
      replay(pair, step);
    }
    Observed before = observe(pair);
    assertThat(before.key()).as("state reached").isEqualTo(c.node().key());
    Change change = switch (c.action()) {
      case VerbAction action -> verb(pair, action, before);
      case GoPublic goPublic -> goPublic(pair, before);
      case DeleteAccount delete -> {
        assertThat(store.deleteUser(pair.a())).isTrue();
        yield Transitions.deleteAccount(before.state(), pair.a());
      }
    };
    if (change != null) {
      assertMoved(before, change, observe(pair));
    }
  }

  /** Runs the verb; the core's change, or null if the core refuses it (and the store did likewise). */
  private Change verb(Pair pair, VerbAction action, Observed before) {
    Instant at = tick();
    PairCommand command = action.verb() == Verb.MUTE
        ? PairCommand.mute(pair.a(), pair.b(), at, action.withEnd() ? at.plus(MUTE_LENGTH) : null)
        : new PairCommand(action.verb(), pair.a(), pair.b(), at, null);
    Change change;
    try {
      change = Transitions.apply(command, before.state(), before.accounts());
    } catch (KithException refused) {
      assertThatThrownBy(() -> call(command)).as("the store refuses as the rules do")
          .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(refused.code()));
      assertThat(observe(pair).withoutTime()).as("a refusal changes nothing").isEqualTo(before.withoutTime());
      return null;
    }
    Object answer = call(command);
    Object expected = switch (command.verb()) {
      case FOLLOW -> change.outcome().followOutcome();
      case MUTE -> null;
      default -> change.outcome() == Outcome.CHANGED;
    };
    assertThat(answer).as("the store's answer").isEqualTo(expected);
    return change;
  }

  /** a turns public; the approval's follow is dated by the store's clock, which must be the time of the call. */
  private Change goPublic(Pair pair, Observed before) {
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.updateUser(pair.a(), ProfileUpdate.none().withPrivate(false));
    Instant to = Instant.now();
    Accounts accounts = ReachablePairs.withPrivacy(before.accounts(), pair.a(), false);
    Instant approvedAt = from;
    if (before.state().from(pair.b()).requests()) {
      approvedAt = store.followTimes(List.of(pair.b()), List.of(pair.a())).getFirst();
      assertThat(approvedAt).as("the approved request's follow time").isBetween(from, to);
    }
    return Transitions.settle(before.state(), accounts, approvedAt);
  }

  /**
   * The verb through the store SPI: its answer (a follow's outcome, whether a removal or block changed anything, null
   * for a mute). The SPI has no withdraw and no remove-follower call of its own: the target's reject removes the same
   * request, and the follower's unfollow the same follow and request.
   */
  private Object call(PairCommand command) {
    UserId actor = command.actor();
    UserId subject = command.subject();
    return switch (command.verb()) {
      case FOLLOW -> store.follow(actor, subject, command.at());
      case UNFOLLOW -> store.unfollow(actor, subject);
      case ACCEPT -> store.acceptRequest(actor, subject, command.at());
      case REJECT -> store.rejectRequest(actor, subject);
      case WITHDRAW -> store.rejectRequest(subject, actor);
      case REMOVE_FOLLOWER -> store.unfollow(subject, actor);
      case BLOCK -> store.block(actor, subject, command.at());
      case UNBLOCK -> store.unblock(actor, subject);
      case MUTE -> {
        store.mute(actor, subject, command.at(), command.muteExpiresAt());
        yield null;
      }
      case UNMUTE -> store.unmute(actor, subject);
    };
  }

  private void replay(Pair pair, Step step) {
    switch (step) {
      case VerbStep verb -> {
        UserId actor = verb.byA() ? pair.a() : pair.b();
        UserId subject = verb.byA() ? pair.b() : pair.a();
        call(verb.verb() == Verb.MUTE ? PairCommand.mute(actor, subject, tick(), null)
            : new PairCommand(verb.verb(), actor, subject, tick(), null));
      }
      case PrivacyStep privacy -> store.updateUser(privacy.ofA() ? pair.a() : pair.b(),
          ProfileUpdate.none().withPrivate(privacy.toPrivate()));
    }
  }

  /** The lists, counts and relationships after must be those before, moved by the change's effects. */
  private static void assertMoved(Observed before, Change change, Observed after) {
    for (UserId user : List.of(before.pair().a(), before.pair().b())) {
      for (EdgeList list : EdgeList.values()) {
        Set<Edge> expected = new HashSet<>(before.lists().get(user).get(list));
        for (ListEntry entry : change.effects().removed()) {
          if (entry.list().edgeList() == list && entry.owner().equals(user)) {
            assertThat(expected.remove(new Edge(entry.other(), entry.at()))).as("%s removes %s, which is there",
                change, entry).isTrue();
          }
        }
        for (ListEntry entry : change.effects().added()) {
          if (entry.list().edgeList() == list && entry.owner().equals(user)) {
            expected.add(new Edge(entry.other(), entry.at()));
          }
        }
        assertThat(after.lists().get(user).get(list)).as("%s of %s after %s", list, user, change)
            .isEqualTo(expected);
      }
      Counts counts = before.counts().get(user);
      long followers = counts.followers();
      long following = counts.following();
      long friends = counts.friends();
      long requestsOut = before.outgoingRequests().get(user);
      for (CountDelta delta : change.effects().counts()) {
        if (delta.user().equals(user)) {
          switch (delta.counter()) {
            case FOLLOWERS -> followers += delta.delta();
            case FOLLOWING -> following += delta.delta();
            case FRIENDS -> friends += delta.delta();
            case REQUESTS_OUT -> requestsOut += delta.delta();
            case REQUESTS_IN -> { } // no count of its own: the list's size, checked above
          }
        }
      }
      assertThat(after.counts().get(user)).as("counts of %s after %s", user, change)
          .isEqualTo(new Counts(followers, following, friends));
      assertThat(after.outgoingRequests().get(user)).as("outgoing requests of %s after %s", user, change)
          .isEqualTo(requestsOut);
      assertThat(after.relationships().get(user)).as("how %s stands after %s", user, change)
          .isEqualTo(change.after().relationship(user, after.at()));
    }
  }

  /** What the SPI shows of a pair at one moment, and the pair state that implies. */
  private record Observed(Pair pair, Map<UserId, Map<EdgeList, Set<Edge>>> lists, Map<UserId, Counts> counts,
                          Map<UserId, Long> outgoingRequests, Map<UserId, Relationship> relationships,
                          Accounts accounts, Instant at) {
    PairState state() {
      return PairState.of(pair.a(), oneWay(pair.a(), pair.b()), pair.b(), oneWay(pair.b(), pair.a()));
    }

    String key() {
      return ReachablePairs.key(state(), accounts);
    }

    /** Everything but the moment it was read, for comparing two reads. */
    Observed withoutTime() {
      return new Observed(pair, lists, counts, outgoingRequests, relationships, accounts, Instant.EPOCH);
    }

    private OneWay oneWay(UserId from, UserId to) {
      Map<EdgeList, Set<Edge>> own = lists.get(from);
      Relationship relationship = relationships.get(from);
      Instant mutedAt = startOf(own.get(EdgeList.MUTING), to);
      return new OneWay(startOf(own.get(EdgeList.FOLLOWING), to), startOf(own.get(EdgeList.REQUESTS_OUT), to),
          startOf(own.get(EdgeList.BLOCKING), to), mutedAt,
          mutedAt != null && relationship.muting() ? relationship.mutingExpiresAt() : null);
    }

    private static Instant startOf(Set<Edge> list, UserId other) {
      return list.stream().filter(edge -> edge.other().equals(other)).map(Edge::at).findFirst().orElse(null);
    }
  }

  private Observed observe(Pair pair) {
    Instant now = Instant.now();
    Map<UserId, Map<EdgeList, Set<Edge>>> lists = Map.of(pair.a(), lists(pair.a()), pair.b(), lists(pair.b()));
    Map<UserId, Counts> counts = store.counts(List.of(pair.a(), pair.b()));
    Map<UserId, Long> outgoing = Map.of(pair.a(), store.outgoingRequests(pair.a()), pair.b(),
        store.outgoingRequests(pair.b()));
    Map<UserId, Relationship> relationships = Map.of(
        pair.a(), store.relationships(pair.a(), List.of(pair.b()), now).getFirst(),
        pair.b(), store.relationships(pair.b(), List.of(pair.a()), now).getFirst());
    Accounts accounts = new Accounts(pair.a(), Account.of(store.user(pair.a()).orElse(null)), pair.b(),
        Account.of(store.user(pair.b()).orElse(null)));
    return new Observed(pair, lists, Map.copyOf(counts), outgoing, relationships, accounts, now);
  }

  /** Each list of {@code owner}: in a case's pair, at most the other user. */
  private Map<EdgeList, Set<Edge>> lists(UserId owner) {
    Map<EdgeList, Set<Edge>> lists = new EnumMap<>(EdgeList.class);
    for (EdgeList list : EdgeList.values()) {
      EdgePage page = store.edges(list, owner, PageRequest.first(4));
      assertThat(page.next()).as("%s of %s fits a page", list, owner).isEmpty();
      lists.put(list, Set.copyOf(page.edges()));
    }
    return lists;
  }

  /** Two new public users; {@code aFirst}: a gets the smaller id. */
  private Pair newPair(boolean aFirst) {
    UserId first = create();
    UserId second = create();
    return aFirst ? new Pair(first, second) : new Pair(second, first);
  }

  private UserId create() {
    UserId id = IDS.next();
    store.createUser(new User(id, new Handle("t" + id), "", "", null, false, Instant.now()), "$argon2id$test");
    return id;
  }

  private Instant tick() {
    return Instant.ofEpochMilli(clock.incrementAndGet());
  }
}
