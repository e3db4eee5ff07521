package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import java.util.Optional;

/**
 * The caller's own lists, paged like the public ones: {@code GET /v1/me/follow-requests} (incoming),
 * {@code /v1/me/follow-requests/outgoing}, {@code /v1/me/blocks} and {@code /v1/me/mutes} (expired mutes left out).
 */
public final class OwnListsApi {
  private final EdgeList list;
  private final ListPages pages;

  public OwnListsApi(ApiContext api, EdgeList list) {
    this.list = list;
    this.pages = new ListPages(api);
  }

  public AggregatedHttpResponse page(ApiRequest request) {
    UserId me = request.caller().userId();
    return Responses.ok(pages.read(list, me, Optional.of(me), ListPages.pageRequest(request, list, me)));
  }
}
