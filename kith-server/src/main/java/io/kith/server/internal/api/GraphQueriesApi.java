package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
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
 * Who may see what is decided in {@link GraphQueries}: they name only follows the caller could see in some list
 * (403 where the lists they need are hidden, 404 for a user that blocks the caller), and leave out users on either
 * side of a block with the caller and users the caller mutes.
 */
public final class GraphQueriesApi {
  private final GraphQueries queries;
  private final EdgeCardPages pages;

  public GraphQueriesApi(ApiContext api) {
    this.queries = new GraphQueries(api.store(), api.clock());
    this.pages = new EdgeCardPages(api);
  }

  public AggregatedHttpResponse knownFollowers(ApiRequest request) {
    UserId viewer = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = QueryCursors.decode(request.query("cursor"), Kind.KNOWN_FOLLOWERS, target,
        Optional.of(viewer));
    return Responses.ok(pages.render(queries.knownFollowers(viewer, target, new PageRequest(after, limit)),
        Optional.of(viewer), next -> QueryCursors.encode(Kind.KNOWN_FOLLOWERS, target, Optional.of(viewer), next)));
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
    return Responses.ok(pages.render(queries.mutualFollowing(viewer, user, other, new PageRequest(after, limit)),
        viewer, next -> QueryCursors.encode(Kind.MUTUAL_FOLLOWING, user, Optional.of(other), next)));
  }

  public AggregatedHttpResponse followBack(ApiRequest request) {
    UserId me = request.caller().userId();
    int limit = QueryArguments.limit(request.query("limit"));
    Optional<Position> after = QueryCursors.decode(request.query("cursor"), Kind.FOLLOW_BACK, me,
        Optional.empty());
    return Responses.ok(pages.render(queries.followBack(me, new PageRequest(after, limit)), Optional.of(me),
        next -> QueryCursors.encode(Kind.FOLLOW_BACK, me, Optional.empty(), next)));
  }
}
