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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
   * One suggestion. For {@link Reason#FOLLOWED_BY}: {@code count} of the viewer's followings that follow it and up
   * to three of them; for {@link Reason#POPULAR}: its follower count; for {@link Reason#FOLLOWS_YOU}: 1.
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
    Map<UserId, Suggestion> ranked = new LinkedHashMap<>();
    friendsOfFriends(viewer).forEach(s -> ranked.putIfAbsent(s.id(), s));
    for (Edge follower : store.edges(EdgeList.FOLLOWERS, viewer, PageRequest.first(FOLLOWERS_SAMPLED)).edges()) {
      ranked.putIfAbsent(follower.other(), new Suggestion(follower.other(), Reason.FOLLOWS_YOU, 1, List.of()));
    }
    for (PopularAccounts.Ranked account : popular.top()) {
      ranked.putIfAbsent(account.id(), new Suggestion(account.id(), Reason.POPULAR, account.followers(), List.of()));
    }
    ranked.remove(viewer);
    return keepEligible(viewer, new ArrayList<>(ranked.values()), limit);
  }

  private List<Suggestion> friendsOfFriends(UserId viewer) {
    record Tally(List<UserId> via, long newest) {}
    Map<UserId, Tally> tallies = new HashMap<>();
    List<Edge> followings = store.edges(EdgeList.FOLLOWING, viewer, PageRequest.first(FOLLOWINGS_SAMPLED)).edges();
    for (Edge following : followings) {
      List<Edge> theirs = store.edges(EdgeList.FOLLOWING, following.other(),
          PageRequest.first(PER_FOLLOWING_SAMPLED)).edges();
      for (Edge candidate : theirs) {
        Tally old = tallies.get(candidate.other());
        List<UserId> via = old == null ? new ArrayList<>() : old.via();
        via.add(following.other());
        long newest = Math.max(old == null ? 0 : old.newest(), candidate.at().toEpochMilli());
        tallies.put(candidate.other(), new Tally(via, newest));
      }
    }
    return tallies.entrySet().stream()
        .sorted(Comparator.<Map.Entry<UserId, Tally>>comparingInt(e -> e.getValue().via().size()).reversed()
            .thenComparing(Comparator.<Map.Entry<UserId, Tally>>comparingLong(e -> e.getValue().newest())
                .reversed())
            .thenComparing(e -> e.getKey().value()))
        .map(e -> new Suggestion(e.getKey(), Reason.FOLLOWED_BY, e.getValue().via().size(),
            e.getValue().via().subList(0, Math.min(SAMPLE_IDS, e.getValue().via().size()))))
        .collect(Collectors.toList());
  }

  /** Walks the ranking in batches, keeping the eligible ones, until {@code limit} are found. */
  private List<Suggestion> keepEligible(UserId viewer, List<Suggestion> ranked, int limit) {
    List<Suggestion> kept = new ArrayList<>(limit);
    Instant now = clock.instant();
    for (int i = 0; i < ranked.size() && kept.size() < limit; i += 2 * limit) {
      List<Suggestion> batch = ranked.subList(i, Math.min(ranked.size(), i + 2 * limit));
      List<UserId> ids = batch.stream().map(Suggestion::id).toList();
      Map<UserId, User> users = store.users(ids).stream().collect(Collectors.toMap(User::id, u -> u, (a, b) -> a));
      Map<UserId, Relationship> relationships = store.relationships(viewer, ids, now).stream()
          .collect(Collectors.toMap(Relationship::other, r -> r, (a, b) -> a));
      Set<UserId> dismissed = store.dismissedAmong(viewer, ids);
      for (Suggestion suggestion : batch) {
        User user = users.get(suggestion.id());
        Relationship relationship = relationships.get(suggestion.id());
        boolean eligible = user != null && user.discoverable()
            && !relationship.following() && !relationship.requested() && !relationship.blockedEitherWay()
            && !relationship.muting() && !dismissed.contains(suggestion.id());
        if (eligible && kept.size() < limit) {
          kept.add(suggestion);
        }
      }
    }
    return kept;
  }
}
