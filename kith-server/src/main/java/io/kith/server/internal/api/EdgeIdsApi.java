package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.api.wire.IdPage;
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
  private final EdgeList list;
  private final Kind cursorKind;

  /** {@code list}: FOLLOWERS or FOLLOWING. */
  public EdgeIdsApi(ApiContext api, EdgeList list) {
    this.api = api;
    this.list = list;
    this.cursorKind = switch (list) {
      case FOLLOWERS -> Kind.FOLLOWER_IDS;
      case FOLLOWING -> Kind.FOLLOWING_IDS;
      default -> throw new IllegalArgumentException("list: " + list + " (expected: FOLLOWERS or FOLLOWING)");
    };
  }

  public AggregatedHttpResponse page(ApiRequest request) {
    UserId owner = UserId.parse("id", request.pathParam("id"));
    int limit = BoundedLimit.parse(request.query("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    Optional<Position> after = QueryCursors.decode(request.query("cursor"), cursorKind, owner,
        Optional.empty());
    if (api.store().user(owner).isEmpty()) {
      throw KithException.notFound("no user with id " + owner);
    }
    EdgePage page = api.store().edges(list, owner, new PageRequest(after, limit));
    return Responses.ok(new IdPage(page.edges().stream().map(Edge::other).toList(),
        page.next().map(next -> QueryCursors.encode(cursorKind, owner, Optional.empty(), next)).orElse(null)));
  }
}
