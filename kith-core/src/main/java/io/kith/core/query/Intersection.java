package io.kith.core.query;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entries of one user's list (the <em>primary</em>: followers of a target, or accounts someone follows) that a
 * <em>member</em> user also follows, in the primary list's order (newest first), paged with keyset cursors.
 *
 * <p>Two plans, chosen by size so the work is bounded by the smaller side, never by a celebrity's follower count:
 * <ul>
 *   <li><b>walk the primary list</b> and check each entry with one batched point read ("does member follow x");
 *       the order and the cursor come for free. Used when the primary list is the smaller one.</li>
 *   <li><b>walk the member's following</b> (capped by the follow limit, {@value #MAX_MEMBER_SET} at most) and read
 *       each one's time in the primary list with one batched point read, then sort. Used otherwise: for "followers
 *       of a 500,000-follower account whom I know", this reads the 1,000 accounts I follow, not 500,000.</li>
 * </ul>
 * Entries hidden from the viewer (blocked either way, muted) are left out while the page is kept full.
 */
public final class Intersection {
  /** The largest member set walked whole; past it the primary list is walked instead, in bounded steps. */
  static final int MAX_MEMBER_SET = 20_000;
  /** The most primary entries examined for one page (a page cut short still carries a cursor to go on from). */
  static final int MAX_PRIMARY_SCAN = 5_000;
  private static final Comparator<Edge> LIST_ORDER = Comparator
      .comparingLong((Edge e) -> e.at().toEpochMilli()).reversed()
      .thenComparing(Comparator.comparingLong((Edge e) -> e.other().value()).reversed());

  private final KithStore store;
  private final Clock clock;

  public Intersection(KithStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Which list of which user is the primary side. */
  public record Primary(EdgeList list, UserId owner) {
    public Primary {
      if (list != EdgeList.FOLLOWERS && list != EdgeList.FOLLOWING) {
        throw new IllegalArgumentException("list: " + list + " (expected: FOLLOWERS or FOLLOWING)");
      }
    }

    long size(KithStore store) {
      var counts = store.counts(owner);
      return list == EdgeList.FOLLOWERS ? counts.followers() : counts.following();
    }

    /** The primary list's times for {@code others}: when each followed the owner, or the owner followed each. */
    List<Instant> timesOf(KithStore store, List<UserId> others) {
      List<UserId> owners = Collections.nCopies(others.size(), owner);
      return list == EdgeList.FOLLOWERS ? store.followTimes(others, owners) : store.followTimes(owners, others);
    }
  }

  /**
   * One page of the primary list's entries that {@code member} follows, hidden ones left out for {@code viewer}.
   * {@code member} is the user whose following set is intersected; usually the viewer.
   */
  public EdgePage page(Primary primary, UserId member, Optional<UserId> viewer, PageRequest request) {
    long memberSize = store.counts(member).following();
    if (memberSize <= MAX_MEMBER_SET && memberSize < primary.size(store)) {
      return fromMemberSet(primary, member, viewer, request);
    }
    return fromPrimaryWalk(primary, member, viewer, request, true);
  }

  /**
   * One page of the primary list's entries that {@code member} does <em>not</em> follow ("follow back"): always a
   * walk of the primary list, bounded per page.
   */
  public EdgePage pageExcluding(Primary primary, UserId member, Optional<UserId> viewer, PageRequest request) {
    return fromPrimaryWalk(primary, member, viewer, request, false);
  }

  /**
   * The size of the whole intersection as {@code viewer} may see it (hidden entries not counted), with the same
   * bound on work as a page: at most {@value #MAX_MEMBER_SET} entries of the smaller side are examined.
   */
  public long count(Primary primary, UserId member, Optional<UserId> viewer) {
    List<UserId> matches = new ArrayList<>();
    long memberSize = store.counts(member).following();
    if (memberSize <= MAX_MEMBER_SET && memberSize < primary.size(store)) {
      sortedFromMemberSet(primary, member).forEach(edge -> matches.add(edge.other()));
    } else {
      Optional<Position> after = Optional.empty();
      int examined = 0;
      while (examined < MAX_MEMBER_SET) {
        EdgePage batch = store.edges(primary.list(), primary.owner(), new PageRequest(after, 1_000));
        examined += batch.edges().size();
        membersAmong(member, batch.edges()).forEach(edge -> matches.add(edge.other()));
        if (batch.next().isEmpty()) {
          break;
        }
        after = batch.next();
      }
    }
    if (viewer.isEmpty()) {
      return matches.size();
    }
    long visible = 0;
    for (int i = 0; i < matches.size(); i += 1_000) {
      List<UserId> batch = matches.subList(i, Math.min(matches.size(), i + 1_000));
      visible += batch.size() - ViewerFilter.hidden(store, viewer.get(), batch, clock.instant()).size();
    }
    return visible;
  }

  private EdgePage fromPrimaryWalk(Primary primary, UserId member, Optional<UserId> viewer, PageRequest request,
                                   boolean keepMembers) {
    List<Edge> kept = new ArrayList<>(request.limit());
    Optional<Position> after = request.after();
    int examined = 0;
    while (true) {
      EdgePage batch = store.edges(primary.list(), primary.owner(),
          new PageRequest(after, Math.max(request.limit(), 256)));
      Set<Edge> members = new HashSet<>(membersAmong(member, batch.edges()));
      List<Edge> candidates = batch.edges().stream().filter(e -> members.contains(e) == keepMembers).toList();
      Set<UserId> hidden = viewer.map(v -> ViewerFilter.hidden(store, v,
          candidates.stream().map(Edge::other).toList(), clock.instant())).orElse(Set.of());
      List<Edge> edges = batch.edges();
      for (int i = 0; i < edges.size(); i++) {
        Edge edge = edges.get(i);
        examined++;
        after = Optional.of(edge.position());
        if (members.contains(edge) == keepMembers && !hidden.contains(edge.other())) {
          kept.add(edge);
          if (kept.size() == request.limit()) {
            boolean more = i < edges.size() - 1 || batch.next().isPresent();
            return new EdgePage(kept, more ? after : Optional.empty());
          }
        }
      }
      if (batch.next().isEmpty()) {
        return new EdgePage(kept, Optional.empty());
      }
      if (examined >= MAX_PRIMARY_SCAN) {
        return new EdgePage(kept, after);
      }
    }
  }

  private List<Edge> membersAmong(UserId member, List<Edge> edges) {
    if (edges.isEmpty()) {
      return List.of();
    }
    List<UserId> others = edges.stream().map(Edge::other).toList();
    List<Instant> times = store.followTimes(Collections.nCopies(others.size(), member), others);
    List<Edge> members = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      if (times.get(i) != null) {
        members.add(edges.get(i));
      }
    }
    return members;
  }

  private EdgePage fromMemberSet(Primary primary, UserId member, Optional<UserId> viewer, PageRequest request) {
    List<Edge> sorted = sortedFromMemberSet(primary, member);
    int start = 0;
    if (request.after().isPresent()) {
      Position cursor = request.after().get();
      Edge probe = new Edge(cursor.other(), Instant.ofEpochMilli(cursor.atMillis()));
      int found = Collections.binarySearch(sorted, probe, LIST_ORDER);
      start = found >= 0 ? found + 1 : -found - 1;
    }
    List<Edge> kept = new ArrayList<>(request.limit());
    int i = start;
    while (i < sorted.size() && kept.size() < request.limit()) {
      List<Edge> batch = sorted.subList(i, Math.min(sorted.size(), i + request.limit() - kept.size()));
      Set<UserId> hidden = viewer.map(v -> ViewerFilter.hidden(store, v, batch.stream().map(Edge::other).toList(),
          clock.instant())).orElse(Set.of());
      for (Edge edge : batch) {
        if (!hidden.contains(edge.other())) {
          kept.add(edge);
        }
      }
      i += batch.size();
    }
    Optional<Position> next = i < sorted.size() ? Optional.of(sorted.get(i - 1).position()) : Optional.empty();
    return new EdgePage(kept, next);
  }

  /** The whole intersection from the member's side, in list order. */
  private List<Edge> sortedFromMemberSet(Primary primary, UserId member) {
    List<UserId> followed = new ArrayList<>();
    Optional<Position> after = Optional.empty();
    while (followed.size() < MAX_MEMBER_SET) {
      EdgePage page = store.edges(EdgeList.FOLLOWING, member, new PageRequest(after, PageRequest.MAX_LIMIT));
      page.edges().forEach(edge -> followed.add(edge.other()));
      if (page.next().isEmpty()) {
        break;
      }
      after = page.next();
    }
    List<Instant> times = primary.timesOf(store, followed);
    List<Edge> matches = new ArrayList<>();
    for (int i = 0; i < followed.size(); i++) {
      if (times.get(i) != null && !followed.get(i).equals(primary.owner())) {
        matches.add(new Edge(followed.get(i), times.get(i)));
      }
    }
    matches.sort(LIST_ORDER);
    return matches;
  }
}
