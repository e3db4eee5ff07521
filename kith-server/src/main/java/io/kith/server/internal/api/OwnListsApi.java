package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.server.internal.api.wire.ListItems;
import io.kith.server.internal.api.wire.Page;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import java.util.Optional;

/**
 * The caller's own lists, paged like the public ones: {@code GET /v1/me/follow-requests} (incoming),
 * {@code /v1/me/follow-requests/outgoing}, {@code /v1/me/blocks} and {@code /v1/me/mutes} (expired mutes left out).
 */
public final class OwnListsApi {
  private final ListPages pages;

  public OwnListsApi(ApiContext api) {
    this.pages = new ListPages(api);
  }

  @Get("/v1/me/follow-requests")
  @Access(Access.Who.USER)
  public Page<ListItems.Item> requestsIn(Caller caller, @Param("limit") Optional<String> limit,
                                         @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.REQUESTS_IN, caller, limit, cursor);
  }

  @Get("/v1/me/follow-requests/outgoing")
  @Access(Access.Who.USER)
  public Page<ListItems.Item> requestsOut(Caller caller, @Param("limit") Optional<String> limit,
                                          @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.REQUESTS_OUT, caller, limit, cursor);
  }

  @Get("/v1/me/blocks")
  @Access(Access.Who.USER)
  public Page<ListItems.Item> blocks(Caller caller, @Param("limit") Optional<String> limit,
                                     @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.BLOCKING, caller, limit, cursor);
  }

  @Get("/v1/me/mutes")
  @Access(Access.Who.USER)
  public Page<ListItems.Item> mutes(Caller caller, @Param("limit") Optional<String> limit,
                                    @Param("cursor") Optional<String> cursor) {
    return page(EdgeList.MUTING, caller, limit, cursor);
  }

  private Page<ListItems.Item> page(EdgeList list, Caller caller, Optional<String> limit, Optional<String> cursor) {
    UserId me = caller.userId();
    return pages.read(list, me, Optional.of(me), ListPages.pageRequest(limit, cursor, list, me));
  }
}
