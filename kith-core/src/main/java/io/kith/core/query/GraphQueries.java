package io.kith.core.query;

import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The set operations behind what people see on a profile: "followed by alice, bob and 12 others you follow",
 * accounts two users both follow, and followers not followed back. Each is bounded by the smaller side of its
 * intersection (see {@link Intersection}).
 *
 * <p>Each names only follows the viewer could see through the list endpoints ({@link ListAccess}), by asking for
 * the lists that show them whole: known followers of a target need the target's followers list (the other side,
 * the viewer's own following, is always readable), mutual following needs both users' following lists, and
 * follow-back reads the viewer's own followers. Entries blocked either way with the viewer, or muted by it, are
 * left out.
 */
public final class GraphQueries {
  /** How many known followers a user card shows by name. */
  public static final int KNOWN_FOLLOWERS_SAMPLE = 3;

  private final KithStore store;
  private final Clock clock;
  private final Intersection intersection;

  public GraphQueries(KithStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.intersection = new Intersection(store, clock);
  }

  /**
   * Followers of {@code target} whom {@code viewer} follows, newest follow of the target first: {@code not_found}
   * if the target does not exist or blocks the viewer, {@code forbidden} unless the viewer may read its lists.
   */
  public EdgePage knownFollowers(UserId viewer, UserId target, PageRequest request) {
    ListAccess access = ListAccess.read(store, Optional.of(viewer), List.of(target), clock.instant());
    requireListsReadable(access, existing(access, target));
    return intersection.page(new Intersection.Primary(EdgeList.FOLLOWERS, target), viewer, Optional.of(viewer),
        request);
  }

  /** The known-followers summary of {@code target}'s card as {@code viewer} sees it (see the batch form below). */
  public Optional<KnownFollowers> knownFollowersSummary(UserId viewer, UserId target) {
    List<User> users = store.users(List.of(target));
    return users.isEmpty() ? Optional.empty() : knownFollowersSummaries(viewer, users).getFirst();
  }

  /**
   * The known-followers summary of each of {@code targets} as {@code viewer} sees their cards, in order: empty on
   * the viewer's own card and where the viewer may not read the target's lists. One batched relationships read.
   */
  public List<Optional<KnownFollowers>> knownFollowersSummaries(UserId viewer, List<User> targets) {
    ListAccess access = ListAccess.of(store, Optional.of(viewer), targets, clock.instant());
    List<Optional<KnownFollowers>> summaries = new ArrayList<>(targets.size());
    for (User target : targets) {
      boolean shown = !target.id().equals(viewer) && access.listsReadable(target.id());
      summaries.add(shown ? Optional.of(summary(viewer, target.id())) : Optional.empty());
    }
    return summaries;
  }

  private KnownFollowers summary(UserId viewer, UserId target) {
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

  /**
   * Accounts both {@code user} and {@code other} follow, in {@code user}'s following order, as the viewer (empty:
   * anonymous) may see them: {@code not_found} if {@code user} does not exist or blocks the viewer,
   * {@code invalid_argument} on field {@code with} for such an {@code other}, {@code forbidden} unless the viewer may
   * read both users' lists.
   */
  public EdgePage mutualFollowing(Optional<UserId> viewer, UserId user, UserId other, PageRequest request) {
    if (user.equals(other)) {
      throw KithException.invalid("with", "with must name another user");
    }
    ListAccess access = ListAccess.read(store, viewer, List.of(user, other), clock.instant());
    User first = existing(access, user);
    User second = access.visibleUser(other)
        .orElseThrow(() -> KithException.invalid("with", "no user with id " + other));
    requireListsReadable(access, first);
    requireListsReadable(access, second);
    return intersection.page(new Intersection.Primary(EdgeList.FOLLOWING, user), other, viewer, request);
  }

  /** {@code me}'s followers whom {@code me} does not follow back, newest first. */
  public EdgePage followBack(UserId me, PageRequest request) {
    return intersection.pageExcluding(new Intersection.Primary(EdgeList.FOLLOWERS, me), me, Optional.of(me),
        request);
  }

  /** A user that blocks the viewer reads exactly as one that does not exist. */
  private static User existing(ListAccess access, UserId id) {
    return access.visibleUser(id).orElseThrow(() -> KithException.notFound("no user with id " + id));
  }

  private static void requireListsReadable(ListAccess access, User user) {
    if (!access.listsReadable(user.id())) {
      throw KithException.of(ErrorCode.FORBIDDEN, Visibility.whyListsHidden(user));
    }
  }
}
