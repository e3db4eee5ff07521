package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.UserId;
import io.kith.server.internal.api.wire.Items;
import io.kith.server.internal.api.wire.RelationshipItem;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/relationships?ids=}: how the caller stands with each of up to 100 users, in the order asked, a
 * repeated id once. Ids of users that do not exist, and users that block the caller, are left out, so a blocked
 * caller cannot tell its blocker from a missing account; users the caller blocks are there, with {@code blocking}.
 */
public final class RelationshipsApi {
  private final ApiContext api;
  private final VisibleUsers visible;

  public RelationshipsApi(ApiContext api) {
    this.api = api;
    this.visible = new VisibleUsers(api.store(), api.clock());
  }

  @Get("/v1/relationships")
  @Access(Access.Who.USER)
  public Items<RelationshipItem> get(Caller caller, @Param("ids") Optional<String> rawIds) {
    UserId me = caller.userId();
    List<UserId> ids = QueryArguments.ids(rawIds);
    List<UserId> shown = visible.batchIds(ids, me);
    List<RelationshipItem> items = shown.isEmpty() ? List.of()
        : api.store().relationships(me, shown, api.clock().instant()).stream().map(RelationshipItem::of).toList();
    return new Items<>(items);
  }
}
