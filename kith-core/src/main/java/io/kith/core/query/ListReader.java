package io.kith.core.query;

import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pages of a list as a viewer may see them: entries that block the viewer or that the viewer blocks are left out
 * (and, in a mute list, expired mutes), while pages stay full. It over-fetches and filters, and its cursor is the
 * position of the last entry it examined, so filtered entries are never returned later and none are skipped.
 *
 * <p>Work is bounded: at most {@link #MAX_SCAN_FACTOR} times the page size is examined per call; a page cut short
 * by that bound still carries a cursor to continue from.
 */
public final class ListReader {
  static final int MAX_SCAN_FACTOR = 8;

  private final KithStore store;
  private final Clock clock;

  public ListReader(KithStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public EdgePage page(EdgeList list, UserId owner, Optional<UserId> viewer, PageRequest request) {
    int limit = request.limit();
    int budget = limit * MAX_SCAN_FACTOR;
    List<Edge> kept = new ArrayList<>(limit);
    Optional<Position> after = request.after();
    while (true) {
      int want = Math.min(PageRequest.MAX_LIMIT, Math.min(budget, limit - kept.size()));
      EdgePage batch = store.edges(list, owner, new PageRequest(after, want));
      budget -= batch.edges().size();
      Set<Integer> hidden = hiddenIndexes(list, owner, viewer, batch.edges());
      for (int i = 0; i < batch.edges().size(); i++) {
        Edge edge = batch.edges().get(i);
        after = Optional.of(edge.position());
        if (!hidden.contains(i)) {
          kept.add(edge);
        }
      }
      if (batch.next().isEmpty()) {
        return new EdgePage(kept, Optional.empty());
      }
      if (kept.size() == limit || budget <= 0) {
        return new EdgePage(kept, after);
      }
    }
  }

  private Set<Integer> hiddenIndexes(EdgeList list, UserId owner, Optional<UserId> viewer, List<Edge> edges) {
    if (edges.isEmpty()) {
      return Set.of();
    }
    List<UserId> others = edges.stream().map(Edge::other).toList();
    Set<Integer> hidden = new java.util.HashSet<>();
    if (list == EdgeList.MUTING) {
      List<Relationship> relationships = store.relationships(owner, others, clock.instant());
      for (int i = 0; i < relationships.size(); i++) {
        if (!relationships.get(i).muting()) {
          hidden.add(i);
        }
      }
    }
    if (viewer.isPresent() && list != EdgeList.BLOCKING) {
      Set<UserId> blocked = store.blockedEitherWay(viewer.get(), others);
      for (int i = 0; i < others.size(); i++) {
        if (blocked.contains(others.get(i))) {
          hidden.add(i);
        }
      }
    }
    return hidden;
  }
}
