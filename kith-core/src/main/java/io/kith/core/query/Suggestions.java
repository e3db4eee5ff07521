package io.kith.core.query;

import io.kith.core.KithException;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * "People you may know". Candidates come from three sources, in rank order:
 * <ol>
 *   <li><b>friends of friends</b>: accounts followed by the accounts the viewer follows, ranked by how many of the
 *       viewer's followings follow them, then by how recently one of them did;</li>
 *   <li><b>follows you</b>: the viewer's newest followers not followed back;</li>
 *   <li><b>popular</b>: the most-followed discoverable accounts, the cold-start fallback.</li>
 * </ol>
 * The candidate set is capped so a request's work is bounded whatever the graph: the viewer's
 * {@value #FOLLOWINGS_SAMPLED} newest followings, each one's {@value #PER_FOLLOWING_SAMPLED} newest followings
 * (at most {@value #FOLLOWINGS_SAMPLED} x {@value #PER_FOLLOWING_SAMPLED} list entries, read as that many short
 * range scans), {@value #FOLLOWERS_SAMPLED} newest followers, and the popular ranking. Never suggested: the viewer,
 * accounts it follows or asked to follow, blocked either way, muted, dismissed or non-discoverable ones. (Private
 * accounts may be suggested: following one sends a request.)
 *
 * <p>A reason names or counts only follows the viewer could see through the list endpoints ({@link ListAccess}):
 * "followed by" counts a following {@code f} of the viewer that follows {@code c} only if the viewer may read
 * {@code f}'s following list or {@code c}'s followers list, and ranks by those alone; followings the viewer mutes
 * are not counted. A candidate with none left is no friend of a friend (it may still come as a follower or a
 * popular account, reasons that name no one else's follow).
 */
public final class Suggestions {
  public static final int MAX_LIMIT = 50;
  static final int FOLLOWINGS_SAMPLED = 200;
  static final int PER_FOLLOWING_SAMPLED = 50;
  static final int FOLLOWERS_SAMPLED = 100;
  static final int SAMPLE_IDS = 3;

  private final KithStore store;
  private final Clock clock;
  private final PopularAccounts popular;

  public Suggestions(KithStore store, Clock clock, PopularAccounts popular) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.popular = Objects.requireNonNull(popular, "popular");
  }

  /** Why an account is suggested. */
  public enum Reason { FOLLOWED_BY, FOLLOWS_YOU, POPULAR }

  /**
   * One suggestion. For {@link Reason#FOLLOWED_BY}: {@code count} of the viewer's followings that follow it where the
   * viewer may see that they do, and up to three of them; for {@link Reason#POPULAR}: its follower count; for
   * {@link Reason#FOLLOWS_YOU}: 1.
   */
  public record Suggestion(UserId id, Reason reason, long count, List<UserId> sample) {
    public Suggestion {
      sample = List.copyOf(sample);
    }
  }

  public List<Suggestion> suggest(UserId viewer, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw KithException.invalid("limit", "limit must be 1-" + MAX_LIMIT);
    }
    Instant now = clock.instant();
    List<Suggestion> kept = new ArrayList<>(limit);
    // Accounts already judged (kept or ineligible), so no later source names them again.
    Set<UserId> judged = new HashSet<>();
    judged.add(viewer);
    friendsOfFriends(viewer, limit, now, kept, judged);
    Map<UserId, Suggestion> rest = new LinkedHashMap<>();
    for (Edge follower : store.edges(EdgeList.FOLLOWERS, viewer, PageRequest.first(FOLLOWERS_SAMPLED)).edges()) {
      rest.putIfAbsent(follower.other(), new Suggestion(follower.other(), Reason.FOLLOWS_YOU, 1, List.of()));
    }
    for (PopularAccounts.Ranked account : popular.top()) {
      rest.putIfAbsent(account.id(), new Suggestion(account.id(), Reason.POPULAR, account.followers(), List.of()));
    }
    judged.forEach(rest::remove);
    for (Batch<Suggestion> batch : batches(viewer, new ArrayList<>(rest.values()), Suggestion::id, limit, now)) {
      for (Suggestion suggestion : batch.items()) {
        if (kept.size() < limit && batch.eligible(suggestion.id())) {
          kept.add(suggestion);
        }
      }
      if (kept.size() == limit) {
        break;
      }
    }
    return kept;
  }

  /** One of the viewer's followings that follows a candidate, when it did, and whether its following is readable. */
  private record Via(UserId through, long atMillis, boolean throughListReadable) {}

  /**
   * A friend-of-friend candidate: the follows leading to it, in the viewer's following order, and its rank if the
   * viewer may see every one of them (the best it can have).
   */
  private record Candidate(UserId id, List<Via> via, Rank bestRank) {
    Candidate(UserId id, List<Via> via) {
      this(id, List.copyOf(via), Rank.of(id, via));
    }

    /** Its suggestion and rank once the follows the viewer may not see are left out; empty if none is left. */
    Optional<Ranked> asSeen(ListAccess candidateSide) {
      boolean followersReadable = candidateSide.listsReadable(id);
      List<Via> seen = via.stream().filter(v -> followersReadable || v.throughListReadable()).toList();
      if (seen.isEmpty()) {
        return Optional.empty();
      }
      List<UserId> through = seen.stream().map(Via::through).toList();
      return Optional.of(new Ranked(Rank.of(id, seen), new Suggestion(id, Reason.FOLLOWED_BY, seen.size(),
          through.subList(0, Math.min(SAMPLE_IDS, through.size())))));
    }
  }

  /** Rank order of friends of friends: most follows first, then the most recent one, then the lower id. */
  private record Rank(int count, long newest, UserId id) implements Comparable<Rank> {
    static Rank of(UserId id, List<Via> via) {
      return new Rank(via.size(), via.stream().mapToLong(Via::atMillis).max().orElse(0), id);
    }

    @Override
    public int compareTo(Rank other) {
      int byCount = Integer.compare(other.count, count);
      if (byCount != 0) {
        return byCount;
      }
      int byNewest = Long.compare(other.newest, newest);
      return byNewest != 0 ? byNewest : Long.compare(id.value(), other.id.value());
    }
  }

  private record Ranked(Rank rank, Suggestion suggestion) {}

  /**
   * Adds the best friends of friends to {@code kept}, counting and naming only the follows the viewer may see: a
   * follow {@code f -> c} is seen if the viewer may read {@code f}'s following list or {@code c}'s followers list
   * ({@link ListAccess}). Whether it may read {@code c}'s is known only once {@code c} is read, which is done in
   * ranked batches anyway (for eligibility); so candidates are walked in the order of their best possible rank (all
   * follows seen), and a judged one is given out once no unjudged one can still rank before it. The order is exactly
   * that of the follows seen, and the reads are those of the eligibility checks.
   */
  private void friendsOfFriends(UserId viewer, int limit, Instant now, List<Suggestion> kept, Set<UserId> judged) {
    List<Candidate> candidates = candidates(viewer, now);
    candidates.sort(Comparator.comparing(Candidate::bestRank));  // best first
    PriorityQueue<Ranked> ready = new PriorityQueue<>(Comparator.comparing(Ranked::rank));
    Iterator<Batch<Candidate>> batches = batches(viewer, candidates, Candidate::id, limit, now).iterator();
    int unjudged = 0;
    while (kept.size() < limit) {
      Rank bestUnjudged = unjudged < candidates.size() ? candidates.get(unjudged).bestRank() : null;
      if (!ready.isEmpty() && (bestUnjudged == null || ready.peek().rank().compareTo(bestUnjudged) < 0)) {
        kept.add(ready.poll().suggestion());
        continue;
      }
      if (!batches.hasNext()) {
        return;
      }
      Batch<Candidate> batch = batches.next();
      unjudged += batch.items().size();
      for (Candidate candidate : batch.items()) {
        if (!batch.eligible(candidate.id())) {
          judged.add(candidate.id());
          continue;
        }
        // With no follow seen it is no friend of a friend, but may still come as a follower or a popular account.
        candidate.asSeen(batch.access()).ifPresent(seen -> {
          judged.add(candidate.id());
          ready.add(seen);
        });
      }
    }
  }

  /**
   * Every account followed by the viewer's {@value #FOLLOWINGS_SAMPLED} newest followings (their
   * {@value #PER_FOLLOWING_SAMPLED} newest followings each). Followings the viewer mutes are left out, as from
   * every graph answer; whether the viewer may read each one's following list is read once, in one batch.
   */
  private List<Candidate> candidates(UserId viewer, Instant now) {
    List<UserId> followings = store.edges(EdgeList.FOLLOWING, viewer, PageRequest.first(FOLLOWINGS_SAMPLED)).edges()
        .stream().map(Edge::other).toList();
    ListAccess followingSide = ListAccess.read(store, Optional.of(viewer), followings, now);
    Map<UserId, List<Via>> via = new LinkedHashMap<>();
    for (UserId following : followings) {
      // Absent: deleted since the page was read.
      Optional<Relationship> relationship = followingSide.relationship(following);
      if (relationship.isEmpty() || relationship.get().muting() || !followingSide.shownInLists(following)) {
        continue;
      }
      boolean readable = followingSide.listsReadable(following);
      for (Edge edge : store.edges(EdgeList.FOLLOWING, following, PageRequest.first(PER_FOLLOWING_SAMPLED)).edges()) {
        via.computeIfAbsent(edge.other(), id -> new ArrayList<>())
            .add(new Via(following, edge.at().toEpochMilli(), readable));
      }
    }
    via.remove(viewer);
    List<Candidate> candidates = new ArrayList<>(via.size());
    via.forEach((id, follows) -> candidates.add(new Candidate(id, follows)));
    return candidates;
  }

  /** One batch of ranked items, with what was read to judge them. */
  private record Batch<T>(List<T> items, ListAccess access, Set<UserId> dismissed) {
    /**
     * Whether the account may be suggested at all: it exists and is discoverable, and the viewer does not follow it
     * or ask to, is not blocked either way with it, does not mute it and did not dismiss it.
     */
    boolean eligible(UserId id) {
      Optional<Relationship> relationship = access.relationship(id);
      return access.visibleUser(id).map(User::discoverable).orElse(false) && relationship.isPresent()
          && !relationship.get().following() && !relationship.get().requested()
          && !relationship.get().blockedEitherWay() && !relationship.get().muting() && !dismissed.contains(id);
    }
  }

  /** The ranked items in batches of twice the limit, each read with one users, relationships and dismissals read. */
  private <T> Iterable<Batch<T>> batches(UserId viewer, List<T> ranked, Function<T, UserId> id, int limit,
                                         Instant now) {
    return () -> new Iterator<>() {
      private int start;

      @Override
      public boolean hasNext() {
        return start < ranked.size();
      }

      @Override
      public Batch<T> next() {
        List<T> items = ranked.subList(start, Math.min(ranked.size(), start + 2 * limit));
        start += items.size();
        List<UserId> ids = items.stream().map(id).toList();
        return new Batch<>(items, ListAccess.read(store, Optional.of(viewer), ids, now),
            store.dismissedAmong(viewer, ids));
      }
    };
  }
}
