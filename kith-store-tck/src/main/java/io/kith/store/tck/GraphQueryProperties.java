package io.kith.store.tck;

import static io.kith.store.tck.PageWalks.newestFirst;
import static io.kith.store.tck.PageWalks.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.ErrorCode;
import io.kith.core.IdGenerator;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Known followers, mutual following and follow-back against brute-force set operations on random graphs (with
 * blocks and mutes), walked with random page sizes; and suggestions never naming an account they must not.
 */
public abstract class GraphQueryProperties {
  private static final int USERS = 10;
  private static final long T0 = 1_700_000_000_000L;
  private static final IdGenerator IDS = IdGenerator.snowflake(13, Clock.systemUTC());

  private KithStore store;

  protected abstract KithStore openStore();

  @BeforeTry
  void open() {
    store = openStore();
  }

  @AfterTry
  void close() {
    store.close();
  }

  /** A random graph: follows, then blocks (which sever follows), mutes and non-discoverable users. */
  record Graph(List<int[]> follows, List<int[]> blocks, List<int[]> mutes, Set<Integer> hidden) {}

  @Provide
  Arbitrary<Graph> graphs() {
    Arbitrary<int[]> pair = Combinators.combine(Arbitraries.integers().between(0, USERS - 1),
        Arbitraries.integers().between(0, USERS - 1)).as((a, b) -> new int[] {a, b}).filter(p -> p[0] != p[1]);
    return Combinators.combine(pair.list().ofMaxSize(60), pair.list().ofMaxSize(4), pair.list().ofMaxSize(4),
        Arbitraries.integers().between(0, USERS - 1).set().ofMaxSize(2)).as(Graph::new);
  }

  /** What was built: ids and the follow times that survived the blocks. */
  private record Built(List<UserId> ids, Map<List<UserId>, Long> follows, Set<List<UserId>> blocks,
                       Set<List<UserId>> mutes, Set<UserId> hidden) {
    boolean follows(UserId a, UserId b) {
      return follows.containsKey(List.of(a, b));
    }

    boolean hiddenFrom(UserId viewer, UserId other) {
      return blocks.contains(List.of(viewer, other)) || blocks.contains(List.of(other, viewer))
          || mutes.contains(List.of(viewer, other));
    }
  }

  private Built build(Graph graph) {
    SeededGraph seeded = SeededGraph.write(store, IDS, "q", USERS, T0, graph.follows(), graph.blocks(),
        graph.mutes());
    List<UserId> ids = seeded.ids();
    Map<List<UserId>, Long> follows = seeded.follows();
    Set<List<UserId>> blocks = seeded.blocks();
    Set<List<UserId>> mutes = seeded.mutes();
    Set<UserId> hidden = new HashSet<>();
    for (int h : graph.hidden()) {
      store.updateUser(ids.get(h), ProfileUpdate.none().withDiscoverable(false));
      hidden.add(ids.get(h));
    }
    return new Built(ids, follows, blocks, mutes, hidden);
  }

  @Property(tries = 60)
  void setQueriesEqualBruteForce(@ForAll("graphs") Graph graph, @ForAll @IntRange(min = 1, max = 4) int pageSize,
                                 @ForAll @IntRange(min = 0, max = USERS - 1) int a,
                                 @ForAll @IntRange(min = 0, max = USERS - 1) int b) {
    Built built = build(graph);
    GraphQueries queries = new GraphQueries(store, Clock.systemUTC());
    UserId viewer = built.ids().get(a);
    UserId other = built.ids().get(b);

    Map<UserId, Long> known = new HashMap<>();
    Map<UserId, Long> mutual = new HashMap<>();
    Map<UserId, Long> followBack = new HashMap<>();
    for (UserId x : built.ids()) {
      Long xFollowsOther = built.follows().get(List.of(x, other));
      if (xFollowsOther != null && built.follows(viewer, x) && !built.hiddenFrom(viewer, x)) {
        known.put(x, xFollowsOther);
      }
      Long viewerFollowsX = built.follows().get(List.of(viewer, x));
      if (viewerFollowsX != null && built.follows(other, x)) {
        mutual.put(x, viewerFollowsX);
      }
      Long xFollowsViewer = built.follows().get(List.of(x, viewer));
      if (xFollowsViewer != null && !built.follows(viewer, x) && !built.hiddenFrom(viewer, x)) {
        followBack.put(x, xFollowsViewer);
      }
    }

    assertThat(walk(r -> queries.followBack(viewer, r), pageSize)).isEqualTo(newestFirst(followBack));
    if (!viewer.equals(other)) {
      assertThat(walk(r -> queries.mutualFollowing(Optional.empty(), viewer, other, r), pageSize))
          .isEqualTo(newestFirst(mutual));
    }
    if (built.blocks().contains(List.of(other, viewer))) { // to the viewer, other does not exist
      assertThatThrownBy(() -> queries.knownFollowers(viewer, other, PageRequest.first(pageSize)))
          .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
      assertThat(queries.knownFollowersSummary(viewer, other)).isEmpty();
      return;
    }
    assertThat(walk(r -> queries.knownFollowers(viewer, other, r), pageSize)).isEqualTo(newestFirst(known));
    if (!viewer.equals(other)) {
      assertThat(queries.knownFollowersSummary(viewer, other).orElseThrow().count()).isEqualTo(known.size());
    }
  }

  @Property(tries = 40)
  void suggestionsNeverNameAnIneligibleAccount(@ForAll("graphs") Graph graph,
                                               @ForAll @IntRange(min = 0, max = USERS - 1) int a) {
    Built built = build(graph);
    UserId viewer = built.ids().get(a);
    PopularAccounts popular = new PopularAccounts(store, 100);
    popular.refresh();

    List<Suggestions.Suggestion> suggestions =
        new Suggestions(store, Clock.systemUTC(), popular).suggest(viewer, Suggestions.MAX_LIMIT);

    Set<UserId> seen = new HashSet<>();
    for (Suggestions.Suggestion suggestion : suggestions) {
      UserId id = suggestion.id();
      assertThat(seen.add(id)).as("suggested twice: %s", id).isTrue();
      assertThat(id).as("the viewer itself").isNotEqualTo(viewer);
      assertThat(built.follows(viewer, id)).as("already followed: %s", id).isFalse();
      assertThat(built.hiddenFrom(viewer, id)).as("blocked either way or muted: %s", id).isFalse();
      assertThat(built.hidden()).as("not discoverable").doesNotContain(id);
    }
  }
}
