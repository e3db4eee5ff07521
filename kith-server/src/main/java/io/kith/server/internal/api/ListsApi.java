package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.Visibility;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.PageRequest;
import io.kith.server.internal.api.wire.ListItems;
import io.kith.server.internal.api.wire.Page;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import java.util.Optional;

/**
 * {@code GET /v1/users/{id}/followers|following|friends}: keyset-paged lists of cards, newest relation first. A
 * private account shows them only to itself and its approved followers, a public one as its
 * {@code lists_visibility} says; a user that blocks the viewer is absent (404). Users on either side of a block
 * with the viewer are left out of the pages, which stay full.
 */
public final class ListsApi {
  private final VisibleUsers visible;
  private final ListPages pages;

  public ListsApi(ApiContext api) {
    this.visible = new VisibleUsers(api.store(), api.clock());
    this.pages = new ListPages(api);
  }

  @Get("/v1/users/{id}/followers")
  @Access(Access.Who.ANYONE_OR_USER)
  public Page<ListItems.Item> followers(Optional<Caller> caller, UserId owner, @Param("limit") Optional<String> limit,
                                       @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.FOLLOWERS, caller, owner, limit, cursor);
  }

  @Get("/v1/users/{id}/following")
  @Access(Access.Who.ANYONE_OR_USER)
  public Page<ListItems.Item> following(Optional<Caller> caller, UserId owner, @Param("limit") Optional<String> limit,
                                       @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.FOLLOWING, caller, owner, limit, cursor);
  }

  @Get("/v1/users/{id}/friends")
  @Access(Access.Who.ANYONE_OR_USER)
  public Page<ListItems.Item> friends(Optional<Caller> caller, UserId owner, @Param("limit") Optional<String> limit,
                                     @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.FRIENDS, caller, owner, limit, cursor);
  }

  private Page<ListItems.Item> page(EdgeList list, Optional<Caller> caller, UserId owner, Optional<String> limit,
                                    Optional<String> cursor) {
    Optional<UserId> viewer = caller.map(Caller::userId);
    PageRequest pageRequest = ListPages.pageRequest(limit, cursor, list, owner);
    VisibleUsers.Seen seen = visible.byId(owner, viewer);
    if (!Visibility.canSeeLists(viewer, seen.user(), seen.relationship())) {
      throw KithException.of(ErrorCode.FORBIDDEN, Visibility.whyListsHidden(seen.user()));
    }
    return pages.read(list, owner, viewer, pageRequest);
  }
}
