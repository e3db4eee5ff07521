package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.query.Visibility;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.paging.QueryCursors;
import io.kith.server.internal.paging.QueryCursors.Kind;
import java.util.Optional;

/**
 * Set operations on the graph, paged with their own cursors:
 * <ul>
 *   <li>{@code GET /v1/users/{id}/known-followers}: followers of {id} whom the caller follows;</li>
 *   <li>{@code GET /v1/users/{id}/mutual-following?with=}: accounts both {id} and {with} follow;</li>
 *   <li>{@code GET /v1/me/follow-back}: the caller's followers it does not follow back.</li>
 * </ul>
 * The first two reveal what is in someone's lists, so the viewer must be allowed to see those lists
 * ({@link Visibility#canSeeLists}), else 403; a user that blocks the viewer is absent (404). Users on either side
 * of a block with the viewer, and users the viewer mutes, are left out of the pages.
 */
public final class GraphQueriesApi {
  private final VisibleUsers visible;
  private final GraphQueries queries;
  private final EdgeCardPages pages;

  public GraphQueriesApi(ApiContext api) {
    this.visible = new VisibleUsers(api.store(), api.clock());
    this.queries = new GraphQueries(api.store(), api.clock());
    this.pages = new EdgeCardPages(api);
  }

  public AggregatedHttpResponse knownFollowers(ApiRequest request) {
    UserId viewer = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = QueryCursors.decode(request.query("cursor"), Kind.KNOWN_FOLLOWERS, target,
        Optional.of(viewer));
    requireListsVisible(visible.byId(target, Optional.of(viewer)), Optional.of(viewer));
    return Responses.ok(pages.render(queries.knownFollowers(viewer, target, new PageRequest(after, limit)),
        Optional.of(viewer), "followed_at",
        next -> QueryCursors.encode(Kind.KNOWN_FOLLOWERS, target, Optional.of(viewer), next)));
  }

  public AggregatedHttpResponse mutualFollowing(ApiRequest request) {
    Optional<UserId> viewer = request.optionalCaller().map(Caller::userId);
    UserId user = UserId.parse("id", request.pathParam("id"));
    UserId other = UserId.parse("with", request.query("with")
        .orElseThrow(() -> KithException.invalid("with", "with is required: the id of the other user")));
    if (other.equals(user)) {
      throw KithException.invalid("with", "with must name another user than the path's");
    }
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = QueryCursors.decode(request.query("cursor"), Kind.MUTUAL_FOLLOWING, user,
        Optional.of(other));
    VisibleUsers.Seen seenUser = visible.byId(user, viewer);
    VisibleUsers.Seen seenOther = otherUser(other, viewer);
    requireListsVisible(seenUser, viewer);
    requireListsVisible(seenOther, viewer);
    return Responses.ok(pages.render(queries.mutualFollowing(viewer, user, other, new PageRequest(after, limit)),
        viewer, "followed_at",
        next -> QueryCursors.encode(Kind.MUTUAL_FOLLOWING, user, Optional.of(other), next)));
  }

  public AggregatedHttpResponse followBack(ApiRequest request) {
    UserId me = request.caller().userId();
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = QueryCursors.decode(request.query("cursor"), Kind.FOLLOW_BACK, me,
        Optional.empty());
    return Responses.ok(pages.render(queries.followBack(me, new PageRequest(after, limit)), Optional.of(me),
        "followed_at", next -> QueryCursors.encode(Kind.FOLLOW_BACK, me, Optional.empty(), next)));
  }

  /** The {@code with} user; a missing one, or one that blocks the viewer (indistinguishable), is a bad argument. */
  private VisibleUsers.Seen otherUser(UserId other, Optional<UserId> viewer) {
    try {
      return visible.byId(other, viewer);
    } catch (KithException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        throw KithException.invalid("with", "no user with id " + other);
      }
      throw e;
    }
  }

  private static void requireListsVisible(VisibleUsers.Seen seen, Optional<UserId> viewer) {
    if (!Visibility.canSeeLists(viewer, seen.user(), seen.relationship())) {
      throw KithException.of(ErrorCode.FORBIDDEN, Visibility.whyListsHidden(seen.user()));
    }
  }
}
