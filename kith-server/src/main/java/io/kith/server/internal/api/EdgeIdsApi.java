package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.api.wire.IdPage;
import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.internal.http.Access;
import io.kith.server.internal.paging.QueryCursors;
import io.kith.server.internal.paging.QueryCursors.Kind;
import java.util.Optional;

/**
 * {@code GET /v1/users/{id}/followers/ids} (the fan-out stream) and {@code /following/ids} (for fan-in): ids only
 * (as strings), newest first, in pages of up to {@value #MAX_LIMIT} read with one range scan each. Only service
 * tokens with the list's scope reach them (checked before this runs); they act for no user, so no viewer filter
 * applies, and private accounts' lists are included: delivering a private account's posts to its followers is the
 * point.
 */
public final class EdgeIdsApi {
  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 5_000;

  private final ApiContext api;

  public EdgeIdsApi(ApiContext api) {
    this.api = api;
  }

  @Get("/v1/users/{id}/followers/ids")
  @Access(value = Access.Who.SERVICE, scope = ServiceTokens.FOLLOWERS_READ)
  public IdPage followerIds(UserId owner, @Param("limit") Optional<String> limit,
                            @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.FOLLOWERS, Kind.FOLLOWER_IDS, owner, limit, cursor);
  }

  @Get("/v1/users/{id}/following/ids")
  @Access(value = Access.Who.SERVICE, scope = ServiceTokens.FOLLOWING_READ)
  public IdPage followingIds(UserId owner, @Param("limit") Optional<String> limit,
                             @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.FOLLOWING, Kind.FOLLOWING_IDS, owner, limit, cursor);
  }

  private IdPage page(EdgeList list, Kind cursorKind, UserId owner, Optional<String> limit, Optional<String> cursor) {
    int size = BoundedLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
    Optional<Position> after = QueryCursors.decode(QueryArguments.text("cursor", cursor), cursorKind, owner,
        Optional.empty());
    if (api.store().user(owner).isEmpty()) {
      throw KithException.notFound("no user with id " + owner);
    }
    EdgePage page = api.store().edges(list, owner, new PageRequest(after, size));
    return new IdPage(page.edges().stream().map(Edge::other).toList(),
        page.next().map(next -> QueryCursors.encode(cursorKind, owner, Optional.empty(), next)).orElse(null));
  }
}
