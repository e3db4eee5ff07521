package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.api.wire.ListItems.Followed;
import io.kith.server.internal.api.wire.Page;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
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

  @Get("/v1/users/{id}/known-followers")
  @Access(Access.Who.USER)
  public Page<Followed> knownFollowers(Caller caller, UserId target, @Param("limit") Optional<String> limit,
                                       @Param("cursor") Optional<String> cursor) {
    UserId viewer = caller.userId();
    int size = QueryArguments.limit(limit);
    Optional<Position> after = QueryCursors.decode(QueryArguments.text("cursor", cursor), Kind.KNOWN_FOLLOWERS,
        target, Optional.of(viewer));
    return pages.render(queries.knownFollowers(viewer, target, new PageRequest(after, size)), Optional.of(viewer),
        next -> QueryCursors.encode(Kind.KNOWN_FOLLOWERS, target, Optional.of(viewer), next));
  }

  @Get("/v1/users/{id}/mutual-following")
  @Access(Access.Who.ANYONE_OR_USER)
  public Page<Followed> mutualFollowing(Optional<Caller> caller, UserId user, @Param("with") Optional<String> with,
                                        @Param("limit") Optional<String> limit,
                                        @Param("cursor") Optional<String> cursor) {
    Optional<UserId> viewer = caller.map(Caller::userId);
    UserId other = UserId.parse("with", QueryArguments.text("with", with)
        .orElseThrow(() -> KithException.invalid("with", "with is required: the id of the other user")));
    if (other.equals(user)) {
      throw KithException.invalid("with", "with must name another user than the path's");
    }
    int size = QueryArguments.limit(limit);
    Optional<Position> after = QueryCursors.decode(QueryArguments.text("cursor", cursor), Kind.MUTUAL_FOLLOWING,
        user, Optional.of(other));
    return pages.render(queries.mutualFollowing(viewer, user, other, new PageRequest(after, size)), viewer,
        next -> QueryCursors.encode(Kind.MUTUAL_FOLLOWING, user, Optional.of(other), next));
  }

  @Get("/v1/me/follow-back")
  @Access(Access.Who.USER)
  public Page<Followed> followBack(Caller caller, @Param("limit") Optional<String> limit,
                                   @Param("cursor") Optional<String> cursor) {
    UserId me = caller.userId();
    int size = QueryArguments.limit(limit);
    Optional<Position> after = QueryCursors.decode(QueryArguments.text("cursor", cursor), Kind.FOLLOW_BACK, me,
        Optional.empty());
    return pages.render(queries.followBack(me, new PageRequest(after, size)), Optional.of(me),
        next -> QueryCursors.encode(Kind.FOLLOW_BACK, me, Optional.empty(), next));
  }
}
