package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.Visibility;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.PageRequest;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import java.util.Optional;

/**
 * {@code GET /v1/users/{id}/followers|following|friends}: keyset-paged lists of cards, newest relation first. A
 * private account shows them only to itself and its approved followers, a public one as its
 * {@code lists_visibility} says; a user that blocks the viewer is absent (404). Users on either side of a block
 * with the viewer are left out of the pages, which stay full.
 */
public final class ListsApi {
  private final EdgeList list;
  private final VisibleUsers visible;
  private final ListPages pages;

  public ListsApi(ApiContext api, EdgeList list) {
    this.list = list;
    this.visible = new VisibleUsers(api.store(), api.clock());
    this.pages = new ListPages(api);
  }

  public AggregatedHttpResponse page(ApiRequest request) {
    Optional<UserId> viewer = request.optionalCaller().map(Caller::userId);
    UserId owner = UserId.parse("id", request.pathParam("id"));
    PageRequest pageRequest = ListPages.pageRequest(request, list, owner);
    VisibleUsers.Seen seen = visible.byId(owner, viewer);
    if (!Visibility.canSeeLists(viewer, seen.user(), seen.relationship())) {
      throw KithException.of(ErrorCode.FORBIDDEN, Visibility.whyListsHidden(seen.user()));
    }
    return Responses.ok(pages.read(list, owner, viewer, pageRequest));
  }
}
