package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.Handle;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.api.wire.Items;
import io.kith.server.internal.api.wire.UserCard;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import java.util.List;
import java.util.Optional;

/**
 * User cards by id, by handle, and in batches. A token is optional and adds the viewer's relation. A user that
 * blocks the viewer answers exactly as one that does not exist.
 */
public final class UsersApi {
  private final ApiContext api;
  private final VisibleUsers visible;
  private final KnownFollowersCards knownFollowers;

  public UsersApi(ApiContext api) {
    this.api = api;
    this.visible = new VisibleUsers(api.store(), api.clock());
    this.knownFollowers = new KnownFollowersCards(api);
  }

  public AggregatedHttpResponse byId(ApiRequest request) {
    Optional<UserId> viewer = request.optionalCaller().map(Caller::userId);
    UserId id = UserId.parse("id", request.pathParam("id"));
    boolean withKnownFollowers = KnownFollowersCards.requested(request);
    User user = visible.byId(id, viewer).user();
    return Responses.ok(cards(List.of(user), viewer, withKnownFollowers).getFirst());
  }

  public AggregatedHttpResponse byHandle(ApiRequest request) {
    Optional<UserId> viewer = request.optionalCaller().map(Caller::userId);
    Handle handle = Handle.parse("handle", request.pathParam("handle"));
    boolean withKnownFollowers = KnownFollowersCards.requested(request);
    User user = visible.byHandle(handle, viewer).user();
    return Responses.ok(cards(List.of(user), viewer, withKnownFollowers).getFirst());
  }

  /**
   * Up to 100 cards in the order asked, a repeated id once; ids of users that do not exist, and users that block the
   * viewer, are left out (users the viewer blocks are there, with {@code viewer.blocking}).
   */
  public AggregatedHttpResponse batch(ApiRequest request) {
    Optional<UserId> viewer = request.optionalCaller().map(Caller::userId);
    List<UserId> ids = QueryArguments.ids(request.query("ids"));
    boolean withKnownFollowers = KnownFollowersCards.requested(request);
    if (withKnownFollowers) {
      KnownFollowersCards.checkBatchSize(ids);
    }
    return Responses.ok(new Items<>(cards(visible.batch(ids, viewer), viewer, withKnownFollowers)));
  }

  /** Cards, with {@code viewer.known_followers} where asked for ({@code ?include=known_followers}) and allowed. */
  private List<UserCard> cards(List<User> users, Optional<UserId> viewer, boolean withKnownFollowers) {
    List<UserCard> cards = api.cards().cards(users, viewer);
    if (withKnownFollowers && viewer.isPresent()) {
      return knownFollowers.addTo(cards, users, viewer.get());
    }
    return cards;
  }
}
