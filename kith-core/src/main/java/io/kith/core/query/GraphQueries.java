package io.kith.core.query;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The set operations behind what people see on a profile: "followed by alice, bob and 12 others you follow",
 * accounts two users both follow, and followers not followed back. Each is bounded by the smaller side of its
 * intersection (see {@link Intersection}). Callers check who may see the lists first ({@link Visibility}).
 */
public final class GraphQueries {
  /** How many known followers a user card shows by name. */
  public static final int KNOWN_FOLLOWERS_SAMPLE = 3;

  private final KithStore store;
  private final Intersection intersection;

  public GraphQueries(KithStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.intersection = new Intersection(store, Objects.requireNonNull(clock, "clock"));
  }

  /** Followers of {@code target} whom {@code viewer} follows, newest follow of the target first. */
  public EdgePage knownFollowers(UserId viewer, UserId target, PageRequest request) {
    return intersection.page(new Intersection.Primary(EdgeList.FOLLOWERS, target), viewer, Optional.of(viewer),
        request);
  }

  /** How many of {@code target}'s followers {@code viewer} follows, and the newest few of them. */
  public KnownFollowers knownFollowersSummary(UserId viewer, UserId target) {
    Intersection.Primary primary = new Intersection.Primary(EdgeList.FOLLOWERS, target);
    List<UserId> sample = intersection.page(primary, viewer, Optional.of(viewer),
        PageRequest.first(KNOWN_FOLLOWERS_SAMPLE)).edges().stream().map(Edge::other).toList();
    long count = sample.size() < KNOWN_FOLLOWERS_SAMPLE
        ? sample.size()
        : intersection.count(primary, viewer, Optional.of(viewer));
    return new KnownFollowers(count, sample);
  }

  /** The known-followers summary of a card: a count and up to {@link #KNOWN_FOLLOWERS_SAMPLE} ids. */
  public record KnownFollowers(long count, List<UserId> sample) {
    public KnownFollowers {
      sample = List.copyOf(sample);
    }
  }

  /** Accounts both {@code user} and {@code other} follow, in {@code user}'s following order, as the viewer may see. */
  public EdgePage mutualFollowing(Optional<UserId> viewer, UserId user, UserId other, PageRequest request) {
    if (user.equals(other)) {
      throw KithException.invalid("with", "with must name another user");
    }
    return intersection.page(new Intersection.Primary(EdgeList.FOLLOWING, user), other, viewer, request);
  }

  /** {@code me}'s followers whom {@code me} does not follow back, newest first. */
  public EdgePage followBack(UserId me, PageRequest request) {
    return intersection.pageExcluding(new Intersection.Primary(EdgeList.FOLLOWERS, me), me, Optional.of(me),
        request);
  }
}
