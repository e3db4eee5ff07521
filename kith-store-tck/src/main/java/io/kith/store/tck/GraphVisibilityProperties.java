package io.kith.store.tck;

import static io.kith.store.tck.PageWalks.newestFirst;
import static io.kith.store.tck.PageWalks.walk;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.ErrorCode;
import io.kith.core.IdGenerator;
import io.kith.core.KithException;
import io.kith.core.ListsVisibility;
import io.kith.core.ProfileUpdate;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.query.GraphQueries.KnownFollowers;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.query.Suggestions.Reason;
import io.kith.core.query.Suggestions.Suggestion;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;

/**
 * Every graph answer names or counts a follow only if the viewer could see it through the list endpoints, and is
 * otherwise complete: on random small graphs with random private accounts, {@code lists_visibility}, blocks, mutes,
 * pending requests, dismissals and non-discoverable users, each query (suggestions with their {@code followed_by}
 * counts and samples, known followers and the known-followers summary, mutual following, follow-back) is checked
 * against a plain model, for every viewer.
 *
 * <p>The model's rule, written here from the list endpoints and not from the code under test: a viewer may read a
 * user's lists iff it is that user, or the user does not block it and (not private, or the viewer follows it) and
 * its {@code lists_visibility} lets the viewer in (everyone; followers: the viewer follows it; friends: and it
 * follows the viewer; only_me: nobody else); a list shows every entry but those blocked either way with the viewer.
 * A follow {@code a -> b} is visible iff the viewer may read {@code a}'s lists and {@code b} is shown, or may read
 * {@code b}'s and {@code a} is shown.
 */
public abstract class GraphVisibilityProperties {
  private static final int USERS = 7;
  private static final long T0 = 1_700_000_000_000L;
  private static final IdGenerator IDS = IdGenerator.snowflake(17, Clock.systemUTC());

  /** What each try must show in enough tries, so that the property cannot pass on graphs that test nothing. */
  private static final List<String> CASES = List.of(
      "a followed_by leaves out a follow the viewer cannot see",
      "a followed_by names a follow seen only through the candidate's followers",
      "known followers are forbidden",
      "known followers name someone",
      "mutual following names someone");

  private KithStore store;
  private final Set<String> seen = new HashSet<>();

  /** A store for one try: a new one, or one shared by tries (they never share ids or handles). */
  protected abstract KithStore openStore();

  @BeforeTry
  void open() {
    store = openStore();
    seen.clear();
  }

  @AfterTry
  void close() {
    store.close();
  }

  /** One user's settings, applied after the first follows (so a private account keeps followers it had). */
  record Settings(boolean isPrivate, ListsVisibility lists, boolean discoverable) {}

  /**
   * A random world: follows, blocks (which sever follows), mutes, settings, then later follows (requests where the
   * followee is private now) and dismissed suggestions.
   */
  record World(List<int[]> follows, List<int[]> blocks, List<int[]> mutes, List<Settings> settings,
               List<int[]> laterFollows, List<int[]> dismissals) {}

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<int[]> pair = Combinators.combine(Arbitraries.integers().between(0, USERS - 1),
        Arbitraries.integers().between(0, USERS - 1)).as((a, b) -> new int[] {a, b}).filter(p -> p[0] != p[1]);
    Arbitrary<ListsVisibility> lists = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(ListsVisibility.EVERYONE)),
        Tuple.of(1, Arbitraries.just(ListsVisibility.FOLLOWERS)),
        Tuple.of(1, Arbitraries.just(ListsVisibility.FRIENDS)),
        Tuple.of(1, Arbitraries.just(ListsVisibility.ONLY_ME)));
    Arbitrary<Settings> settings = Combinators.combine(Arbitraries.integers().between(0, 3).map(i -> i == 0), lists,
        Arbitraries.integers().between(0, 7).map(i -> i != 0)).as(Settings::new);
    // At least 10 follows: chains viewer -> f -> c (hidden or not) in most tries, as the coverage checks require.
    return Combinators.combine(pair.list().ofMinSize(10).ofMaxSize(30), pair.list().ofMaxSize(3),
        pair.list().ofMaxSize(3), settings.list().ofSize(USERS), pair.list().ofMaxSize(6), pair.list().ofMaxSize(2))
        .as(World::new);
  }

  /** What was built, as the model sees it. */
  private record Built(List<UserId> ids, Map<List<UserId>, Long> follows, Set<List<UserId>> requests,
                       Set<List<UserId>> blocks, Set<List<UserId>> mutes, Map<UserId, Settings> settings,
                       Set<List<UserId>> dismissed) {
    boolean follows(UserId a, UserId b) {
      return follows.containsKey(List.of(a, b));
    }

    boolean blocks(UserId a, UserId b) {
      return blocks.contains(List.of(a, b));
    }

    boolean blockedEitherWay(UserId a, UserId b) {
      return blocks(a, b) || blocks(b, a);
    }

    /** Left out of graph answers for the viewer: blocked either way, or muted by it. */
    boolean hiddenFrom(UserId viewer, UserId other) {
      return blockedEitherWay(viewer, other) || mutes.contains(List.of(viewer, other));
    }

    /** Whether the viewer (empty: anonymous) may read {@code owner}'s lists through the list endpoints. */
    boolean listsReadable(Optional<UserId> viewer, UserId owner) {
      Settings s = settings.get(owner);
      if (viewer.isEmpty()) {
        return !s.isPrivate() && s.lists() == ListsVisibility.EVERYONE;
      }
      UserId v = viewer.get();
      if (v.equals(owner)) {
        return true;
      }
      if (blocks(owner, v)) {
        return false; // the owner does not exist for the viewer: 404
      }
      boolean follower = follows(v, owner);
      if (s.isPrivate() && !follower) {
        return false;
      }
      return switch (s.lists()) {
        case EVERYONE -> true;
        case FOLLOWERS -> follower;
        case FRIENDS -> follower && follows(owner, v);
        case ONLY_ME -> false;
      };
    }

    /** Whether {@code entry} is shown in the lists the viewer reads. */
    boolean shown(Optional<UserId> viewer, UserId entry) {
      return viewer.isEmpty() || viewer.get().equals(entry) || !blockedEitherWay(viewer.get(), entry);
    }

    /** The rule: a follow is visible iff one of the two lists holding it shows it to the viewer. */
    boolean followVisible(Optional<UserId> viewer, UserId follower, UserId followee) {
      return follows(follower, followee)
          && (listsReadable(viewer, follower) && shown(viewer, followee)
              || listsReadable(viewer, followee) && shown(viewer, follower));
    }

    boolean suggestable(UserId viewer, UserId other) {
      return !viewer.equals(other) && settings.get(other).discoverable() && !follows(viewer, other)
          && !requests.contains(List.of(viewer, other)) && !hiddenFrom(viewer, other)
          && !dismissed.contains(List.of(viewer, other));
    }
  }

  private Built build(World world) {
    SeededGraph seeded = SeededGraph.write(store, IDS, "v", USERS, T0, world.follows(), world.blocks(),
        world.mutes());
    List<UserId> ids = seeded.ids();
    Map<List<UserId>, Long> follows = seeded.follows();
    Set<List<UserId>> blocks = seeded.blocks();
    Set<List<UserId>> mutes = seeded.mutes();
    long time = seeded.time();
    Map<UserId, Settings> settings = new HashMap<>();
    for (int i = 0; i < USERS; i++) {
      Settings s = world.settings().get(i);
      store.updateUser(ids.get(i), ProfileUpdate.none().withPrivate(s.isPrivate()).withListsVisibility(s.lists())
          .withDiscoverable(s.discoverable()));
      settings.put(ids.get(i), s);
    }
    Set<List<UserId>> requests = new HashSet<>();
    for (int[] f : world.laterFollows()) {
      List<UserId> pair = List.of(ids.get(f[0]), ids.get(f[1]));
      time += 1;
      if (blocks.contains(pair) || blocks.contains(List.of(pair.get(1), pair.get(0)))) {
        continue;
      }
      FollowOutcome outcome = store.follow(pair.get(0), pair.get(1), Instant.ofEpochMilli(time));
      if (follows.containsKey(pair)) {
        assertThat(outcome).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
      } else if (settings.get(pair.get(1)).isPrivate()) {
        assertThat(outcome).isIn(FollowOutcome.REQUESTED, FollowOutcome.ALREADY_REQUESTED);
        requests.add(pair);
      } else {
        assertThat(outcome).isEqualTo(FollowOutcome.CREATED);
        follows.put(pair, time);
      }
    }
    Set<List<UserId>> dismissed = new HashSet<>();
    for (int[] d : world.dismissals()) {
      store.dismissSuggestion(ids.get(d[0]), ids.get(d[1]), Instant.ofEpochMilli(time));
      dismissed.add(List.of(ids.get(d[0]), ids.get(d[1])));
    }
    return new Built(ids, follows, requests, blocks, mutes, settings, dismissed);
  }

  /** The answer of a query that may be refused: the ids, or the refusal's code (and field). */
  private static Object answer(Function<PageRequest, EdgePage> pages, int pageSize) {
    try {
      return walk(pages, pageSize);
    } catch (KithException e) {
      return e.code() + (e.field() == null ? "" : ":" + e.field());
    }
  }

  @Property(tries = 40)
  void everyGraphAnswerNamesOnlyFollowsTheViewerCouldSeeAndAllOfThem(
      @ForAll("worlds") World world, @ForAll @IntRange(min = 1, max = 4) int pageSize,
      @ForAll @IntRange(min = 1, max = 3) int limit) {
    Built built = build(world);
    GraphQueries queries = new GraphQueries(store, Clock.systemUTC());
    // Never refreshed: no popular accounts, which name no follow; the other reasons are checked exactly.
    Suggestions suggestions = new Suggestions(store, Clock.systemUTC(), new PopularAccounts(store, 10));

    for (UserId viewer : built.ids()) {
      Optional<UserId> v = Optional.of(viewer);
      List<Suggestion> expected = checkSuggestions(built, viewer, suggestions.suggest(viewer, Suggestions.MAX_LIMIT));
      assertThat(suggestions.suggest(viewer, limit)).as("the best %s suggestions for %s", limit, viewer)
          .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
      checkFollowBack(built, viewer, walk(r -> queries.followBack(viewer, r), pageSize));
      for (UserId target : built.ids()) {
        checkKnownFollowers(built, viewer, target, answer(r -> queries.knownFollowers(viewer, target, r), pageSize),
            queries.knownFollowersSummary(viewer, target));
        UserId with = built.ids().get((built.ids().indexOf(target) + 1 + built.ids().indexOf(viewer)) % USERS);
        if (!with.equals(target)) {
          checkMutualFollowing(built, v, target, with,
              answer(r -> queries.mutualFollowing(v, target, with, r), pageSize));
        }
      }
    }
    // Anonymous readers see only lists shown to everyone.
    for (UserId user : built.ids()) {
      UserId with = built.ids().get((built.ids().indexOf(user) + 1) % USERS);
      checkMutualFollowing(built, Optional.empty(), user, with,
          answer(r -> queries.mutualFollowing(Optional.empty(), user, with, r), pageSize));
    }
    for (String label : CASES) {
      Statistics.label(label).collect(seen.contains(label));
      Statistics.label(label).coverage(coverage -> coverage.check(true).count(n -> n >= 2));
    }
  }

  /** Checks all the suggestions for {@code viewer} (the limit not reached) and returns them. */
  private List<Suggestion> checkSuggestions(Built built, UserId viewer, List<Suggestion> answer) {
    Optional<UserId> v = Optional.of(viewer);
    for (Suggestion suggestion : answer) {
      if (suggestion.reason() == Reason.FOLLOWED_BY) {
        for (UserId through : suggestion.sample()) {
          assertThat(built.follows(viewer, through) && built.followVisible(v, through, suggestion.id()))
              .as("%s is suggested to %s as followed by %s, a follow no list shows it", suggestion.id(), viewer,
                  through).isTrue();
        }
        long visible = built.ids().stream()
            .filter(f -> built.follows(viewer, f) && built.followVisible(v, f, suggestion.id())).count();
        assertThat(suggestion.count()).as("followed_by count of %s for %s counts only visible follows",
            suggestion.id(), viewer).isLessThanOrEqualTo(visible);
      }
    }

    // The model: friends of friends through visible follows (not through muted followings), best first; then
    // followers not followed back, newest first.
    Map<UserId, List<UserId>> through = new LinkedHashMap<>();
    Map<UserId, Long> newest = new HashMap<>();
    Map<UserId, Long> followings = new HashMap<>();
    built.ids().stream().filter(f -> built.follows(viewer, f))
        .forEach(f -> followings.put(f, built.follows().get(List.of(viewer, f))));
    for (UserId f : newestFirst(followings)) {
      if (built.mutes().contains(List.of(viewer, f))) {
        continue;
      }
      for (UserId c : built.ids()) {
        if (!built.suggestable(viewer, c) || !built.follows(f, c)) {
          continue;
        }
        if (built.followVisible(v, f, c)) {
          through.computeIfAbsent(c, x -> new ArrayList<>()).add(f);
          newest.merge(c, built.follows().get(List.of(f, c)), Math::max);
          if (!built.listsReadable(v, f)) {
            seen.add(CASES.get(1));
          }
        } else {
          seen.add(CASES.get(0));
        }
      }
    }
    List<Suggestion> expected = new ArrayList<>();
    through.keySet().stream()
        .sorted(Comparator.comparing((UserId c) -> through.get(c).size()).reversed()
            .thenComparing(Comparator.comparing((UserId c) -> newest.get(c)).reversed())
            .thenComparing(UserId::value))
        .forEach(c -> expected.add(new Suggestion(c, Reason.FOLLOWED_BY, through.get(c).size(),
            through.get(c).subList(0, Math.min(3, through.get(c).size())))));
    Map<UserId, Long> followers = new HashMap<>();
    for (UserId x : built.ids()) {
      if (built.follows(x, viewer) && !through.containsKey(x) && built.suggestable(viewer, x)) {
        followers.put(x, built.follows().get(List.of(x, viewer)));
      }
    }
    newestFirst(followers).forEach(x -> expected.add(new Suggestion(x, Reason.FOLLOWS_YOU, 1, List.of())));
    assertThat(answer).as("suggestions for %s", viewer).isEqualTo(expected);
    return expected;
  }

  private static void checkFollowBack(Built built, UserId viewer, List<UserId> answer) {
    Map<UserId, Long> expected = new HashMap<>();
    for (UserId x : built.ids()) {
      if (built.follows(x, viewer) && !built.follows(viewer, x) && !built.hiddenFrom(viewer, x)) {
        expected.put(x, built.follows().get(List.of(x, viewer)));
      }
    }
    for (UserId x : answer) {
      assertThat(built.followVisible(Optional.of(viewer), x, viewer)).as("follow-back of %s names %s", viewer, x)
          .isTrue();
    }
    assertThat(answer).as("follow-back of %s", viewer).isEqualTo(newestFirst(expected));
  }

  private void checkKnownFollowers(Built built, UserId viewer, UserId target, Object answer,
                                          Optional<KnownFollowers> summary) {
    Optional<UserId> v = Optional.of(viewer);
    if (answer instanceof List<?> names) {
      for (Object x : names) {
        assertThat(built.follows(viewer, (UserId) x) && built.followVisible(v, (UserId) x, target))
            .as("known followers of %s for %s name %s", target, viewer, x).isTrue();
      }
    }
    if (summary.isPresent()) {
      for (UserId x : summary.get().sample()) {
        assertThat(built.follows(viewer, x) && built.followVisible(v, x, target))
            .as("the known-followers summary of %s for %s names %s", target, viewer, x).isTrue();
      }
    }

    // The model: the target's followers list is what shows these follows; it is read whole or not at all.
    Object expected;
    Optional<KnownFollowers> expectedSummary;
    if (built.blocks(target, viewer)) {
      expected = ErrorCode.NOT_FOUND.toString();
      expectedSummary = Optional.empty();
    } else if (!built.listsReadable(v, target)) {
      expected = ErrorCode.FORBIDDEN.toString();
      expectedSummary = Optional.empty();
    } else {
      Map<UserId, Long> known = new HashMap<>();
      for (UserId x : built.ids()) {
        if (built.follows(x, target) && built.follows(viewer, x) && !built.hiddenFrom(viewer, x)) {
          known.put(x, built.follows().get(List.of(x, target)));
        }
      }
      List<UserId> list = newestFirst(known);
      expected = list;
      expectedSummary = viewer.equals(target) ? Optional.empty()
          : Optional.of(new KnownFollowers(list.size(), list.subList(0, Math.min(3, list.size()))));
    }
    assertThat(answer).as("known followers of %s for %s", target, viewer).isEqualTo(expected);
    if (expected.equals(ErrorCode.FORBIDDEN.toString())) {
      seen.add(CASES.get(2));
    } else if (expected instanceof List<?> list && !list.isEmpty()) {
      seen.add(CASES.get(3));
    }
    assertThat(summary).as("known-followers summary of %s for %s", target, viewer).isEqualTo(expectedSummary);
  }

  private void checkMutualFollowing(Built built, Optional<UserId> viewer, UserId user, UserId with,
                                           Object answer) {
    if (answer instanceof List<?> names) {
      for (Object x : names) {
        assertThat(built.followVisible(viewer, user, (UserId) x) && built.followVisible(viewer, with, (UserId) x))
            .as("mutual following of %s and %s for %s names %s", user, with, viewer, x).isTrue();
      }
    }

    // The model: both following lists show these follows; each is read whole or not at all.
    Object expected;
    if (viewer.isPresent() && built.blocks(user, viewer.get())) {
      expected = ErrorCode.NOT_FOUND.toString();
    } else if (viewer.isPresent() && built.blocks(with, viewer.get())) {
      expected = ErrorCode.INVALID_ARGUMENT + ":with";
    } else if (!built.listsReadable(viewer, user) || !built.listsReadable(viewer, with)) {
      expected = ErrorCode.FORBIDDEN.toString();
    } else {
      Map<UserId, Long> both = new HashMap<>();
      for (UserId x : built.ids()) {
        if (built.follows(user, x) && built.follows(with, x)
            && (viewer.isEmpty() || !built.hiddenFrom(viewer.get(), x))) {
          both.put(x, built.follows().get(List.of(user, x)));
        }
      }
      expected = newestFirst(both);
    }
    assertThat(answer).as("mutual following of %s and %s for %s", user, with, viewer).isEqualTo(expected);
    if (expected instanceof List<?> list && !list.isEmpty()) {
      seen.add(CASES.get(4));
    }
  }
}
