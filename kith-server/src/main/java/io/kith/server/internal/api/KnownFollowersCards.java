package io.kith.server.internal.api;

import io.kith.core.KithException;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.query.GraphQueries.KnownFollowers;
import io.kith.server.internal.api.wire.KnownFollowersSummary;
import io.kith.server.internal.api.wire.UserCard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adds {@code viewer.known_followers: {count, sample: [up to 3 cards]}} ("followed by alice, bob and 12 others you
 * follow") to cards when a request asks with {@code ?include=known_followers}. It needs a viewer, and it says who
 * is in a user's followers list, so a card gets it only where the viewer may see that user's lists, and never on
 * the viewer's own card ({@link GraphQueries#knownFollowersSummaries} decides). Sample cards of all the cards
 * come from one batched user read and one card build.
 */
final class KnownFollowersCards {
  static final String INCLUDE = "known_followers";
  /**
   * The most cards of one batch that may carry the summary: each costs up to two intersections with the viewer's
   * followings (up to the follow cap each), so 100 of them would be one request doing a hundred requests' work.
   */
  static final int MAX_CARDS = 25;
  private static final Set<String> KNOWN_INCLUDES = Set.of(INCLUDE);

  private final ApiContext api;
  private final GraphQueries queries;

  KnownFollowersCards(ApiContext api) {
    this.api = api;
    this.queries = new GraphQueries(api.store(), api.clock());
  }

  /** Whether {@code ?include=} (comma-separated) asks for known followers; 400 on field {@code include} if unknown. */
  static boolean requested(Optional<String> include) {
    Optional<String> raw = QueryArguments.text("include", include);
    if (raw.isEmpty()) {
      return false;
    }
    boolean asked = false;
    for (String part : raw.get().split(",", -1)) {
      if (!KNOWN_INCLUDES.contains(part)) {
        throw KithException.invalid("include", "include may list: " + INCLUDE + " (was '" + part + "')");
      }
      asked = true;
    }
    return asked;
  }

  /** 400 on field {@code ids} if a batch asking for summaries is larger than {@value #MAX_CARDS}. */
  static void checkBatchSize(List<UserId> ids) {
    if (ids.size() > MAX_CARDS) {
      throw KithException.invalid("ids", "at most " + MAX_CARDS + " ids per request with include=" + INCLUDE
          + " (was " + ids.size() + ")");
    }
  }

  /** The cards (built for {@code viewer}, in the order of {@code users}) with the summary where it may be. */
  List<UserCard> addTo(List<UserCard> cards, List<User> users, UserId viewer) {
    if (users.isEmpty()) {
      return cards;
    }
    List<Optional<KnownFollowers>> summaries = queries.knownFollowersSummaries(viewer, users);
    Set<UserId> sampled = new LinkedHashSet<>();
    summaries.forEach(summary -> summary.ifPresent(s -> sampled.addAll(s.sample())));
    Map<UserId, UserCard> sampleCards = api.cards().cardsById(new ArrayList<>(sampled), Optional.of(viewer));
    List<UserCard> withSummaries = new ArrayList<>(cards.size());
    for (int i = 0; i < users.size(); i++) {
      Optional<KnownFollowers> summary = summaries.get(i);
      withSummaries.add(summary.isEmpty() ? cards.get(i) : cards.get(i).withKnownFollowers(
          new KnownFollowersSummary(summary.get().count(),
              summary.get().sample().stream().map(sampleCards::get).filter(c -> c != null).toList())));
    }
    return withSummaries;
  }
}
