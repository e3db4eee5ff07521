package io.kith.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.testing.MemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mechanics of {@link Intersection}: both plans (walk the member's following, or walk the primary list) page
 * through exactly the brute-force intersection, in list order, with hidden users left out and pages kept full.
 */
class IntersectionTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(10_000_000), ZoneOffset.UTC);

  private final MemoryStore store = new MemoryStore();
  private final Intersection intersection = new Intersection(store, CLOCK);

  /** A target with followers, a member following some of them, and a viewer who blocks or mutes a few. */
  private record Graph(UserId target, UserId member, UserId viewer, List<UserId> followers) {}

  /**
   * {@code memberFollowsMany}: the member follows more accounts than the target has followers, so the primary list
   * (the smaller side) is walked; otherwise the member's following is.
   */
  private Graph graph(long seed, boolean memberFollowsMany) {
    Random random = new Random(seed);
    UserId target = store.newUser();
    UserId member = store.newUser();
    UserId viewer = store.newUser();
    List<UserId> followers = store.newUsers(60);
    for (UserId follower : followers) {
      // Few distinct times, so that ties in time are broken by id.
      store.follow(follower, target, 1_000 + random.nextInt(20));
      if (random.nextInt(3) == 0) {
        store.follow(member, follower, 5_000 + random.nextInt(100));
      }
    }
    int others = memberFollowsMany ? 100 : 5;
    for (UserId other : store.newUsers(others)) {
      store.follow(member, other, 6_000);
    }
    for (UserId hidden : followers.subList(0, 6)) {
      if (random.nextBoolean()) {
        store.block(viewer, hidden, Instant.ofEpochMilli(7_000));
      } else {
        store.mute(viewer, hidden, Instant.ofEpochMilli(7_000), null);
      }
    }
    return new Graph(target, member, viewer, followers);
  }

  /** The target's followers (in list order) that the member follows (or not), minus those hidden from the viewer. */
  private List<UserId> bruteForce(Graph graph, boolean members, Optional<UserId> viewer) {
    List<Edge> all = new ArrayList<>();
    EdgePage page = store.edges(EdgeList.FOLLOWERS, graph.target(), PageRequest.first(PageRequest.MAX_LIMIT));
    all.addAll(page.edges());
    List<UserId> expected = new ArrayList<>();
    for (Edge edge : all) {
      boolean followed = store.followTimes(List.of(graph.member()), List.of(edge.other())).getFirst() != null;
      boolean hidden = viewer.isPresent() && store.relationships(viewer.get(), List.of(edge.other()), CLOCK.instant())
          .stream().anyMatch(r -> r.blockedEitherWay() || r.muting());
      if (followed == members && !hidden && !edge.other().equals(graph.member())) {
        expected.add(edge.other());
      }
    }
    return expected;
  }

  private interface Pager {
    EdgePage page(PageRequest request);
  }

  private static List<UserId> walk(Pager pager, int limit) {
    List<UserId> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    while (true) {
      EdgePage page = pager.page(request);
      for (Edge edge : page.edges()) {
        assertThat(seen).as("a walk never repeats an entry").doesNotContain(edge.other());
        seen.add(edge.other());
      }
      if (page.next().isEmpty()) {
        return seen;
      }
      assertThat(page.edges()).as("a page with a next cursor is full").hasSize(limit);
      request = PageRequest.after(page.next().get(), limit);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pagesThroughExactlyTheIntersectionInListOrder(boolean memberFollowsMany) {
    for (long seed = 1; seed <= 5; seed++) {
      Graph graph = graph(seed, memberFollowsMany);
      Intersection.Primary primary = new Intersection.Primary(EdgeList.FOLLOWERS, graph.target());
      for (Optional<UserId> viewer : List.of(Optional.<UserId>empty(), Optional.of(graph.viewer()))) {
        List<UserId> expected = bruteForce(graph, true, viewer);
        assertThat(expected).as("the graph is not trivial").isNotEmpty();
        for (int limit : new int[] {1, 3, 7, 100}) {
          assertThat(walk(r -> intersection.page(primary, graph.member(), viewer, r), limit))
              .as("seed %s, viewer %s, limit %s", seed, viewer, limit).isEqualTo(expected);
        }
        assertThat(intersection.count(primary, graph.member(), viewer)).isEqualTo(expected.size());
      }
    }
  }

  @Test
  void pagesThroughExactlyTheComplement() {
    Graph graph = graph(7, false);
    Intersection.Primary primary = new Intersection.Primary(EdgeList.FOLLOWERS, graph.target());
    List<UserId> expected = bruteForce(graph, false, Optional.of(graph.viewer()));
    for (int limit : new int[] {1, 4, 100}) {
      assertThat(walk(r -> intersection.pageExcluding(primary, graph.member(), Optional.of(graph.viewer()), r),
          limit)).isEqualTo(expected);
    }
  }

  @Test
  void bothPlansAgreeOnTheFollowingSide() {
    // Primary: whom `owner` follows; member: who else follows those. Same answers from either side.
    UserId owner = store.newUser();
    UserId member = store.newUser();
    List<UserId> followed = store.newUsers(30);
    for (int i = 0; i < followed.size(); i++) {
      store.follow(owner, followed.get(i), 100 + i % 4);
      if (i % 3 == 0) {
        store.follow(member, followed.get(i), 500);
      }
    }
    Intersection.Primary primary = new Intersection.Primary(EdgeList.FOLLOWING, owner);
    List<UserId> fromMemberSide = walk(r -> intersection.page(primary, member, Optional.empty(), r), 2);
    for (UserId extra : store.newUsers(40)) {
      store.follow(member, extra, 600); // now the member's side is larger: the primary list is walked
    }
    List<UserId> fromPrimarySide = walk(r -> intersection.page(primary, member, Optional.empty(), r), 2);
    assertThat(fromMemberSide).hasSize(10).isEqualTo(fromPrimarySide);
  }

  @Test
  void aWalkOfTheLongerListStopsAfterItsScanBoundWithACursorToGoOn() {
    UserId target = store.newUser();
    UserId member = store.newUser();
    List<UserId> followers = store.newUsers(Intersection.MAX_PRIMARY_SCAN + 300);
    for (int i = 0; i < followers.size(); i++) {
      store.follow(followers.get(i), target, 1_000_000 - i);
    }
    // The member follows only the oldest follower, and more accounts than the target has followers.
    store.follow(member, followers.getLast(), 1);
    for (UserId other : store.newUsers(followers.size())) {
      store.follow(member, other, 2);
    }
    Intersection.Primary primary = new Intersection.Primary(EdgeList.FOLLOWERS, target);
    store.clearPageReads();
    EdgePage first = intersection.page(primary, member, Optional.empty(), PageRequest.first(10));
    assertThat(first.edges()).isEmpty();
    assertThat(first.next()).as("cut short, not the end").isPresent();
    int read = store.pageReads().stream().filter(r -> r.owner().equals(target)).mapToInt(r -> r.limit()).sum();
    assertThat(read).as("entries asked for in one page").isLessThan(Intersection.MAX_PRIMARY_SCAN + 256);
    EdgePage second = intersection.page(primary, member, Optional.empty(), PageRequest.after(first.next().get(), 10));
    assertThat(second.edges()).extracting(Edge::other).containsExactly(followers.getLast());
    assertThat(second.next()).isEmpty();
  }
}
