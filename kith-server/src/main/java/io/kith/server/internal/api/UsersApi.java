package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.Handle;
import io.kith.core.TextRules;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.server.internal.api.wire.Items;
import io.kith.server.internal.api.wire.UserCard;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
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

  /**
   * Up to 100 cards in the order asked, a repeated id once; ids of users that do not exist, and users that block the
   * viewer, are left out (users the viewer blocks are there, with {@code viewer.blocking}).
   */
  @Get("/v1/users")
  @Access(Access.Who.ANYONE_OR_USER)
  public Items<UserCard> batch(Optional<Caller> caller, @Param("ids") Optional<String> rawIds,
                               @Param("include") Optional<String> include) {
    Optional<UserId> viewer = caller.map(Caller::userId);
    List<UserId> ids = QueryArguments.ids(rawIds);
    boolean withKnownFollowers = KnownFollowersCards.requested(include);
    if (withKnownFollowers) {
      KnownFollowersCards.checkBatchSize(ids);
    }
    return new Items<>(cards(visible.batch(ids, viewer), viewer, withKnownFollowers));
  }

  @Get("/v1/users/by-handle/{handle}")
  @Access(Access.Who.ANYONE_OR_USER)
  public UserCard byHandle(Optional<Caller> caller, @Param("handle") String rawHandle,
                           @Param("include") Optional<String> include) {
    Optional<UserId> viewer = caller.map(Caller::userId);
    Handle handle = Handle.parse("handle", TextRules.requireWellFormed("handle", rawHandle));
    boolean withKnownFollowers = KnownFollowersCards.requested(include);
    User user = visible.byHandle(handle, viewer).user();
    return cards(List.of(user), viewer, withKnownFollowers).getFirst();
  }

  @Get("/v1/users/{id}")
  @Access(Access.Who.ANYONE_OR_USER)
  public UserCard byId(Optional<Caller> caller, UserId id, @Param("include") Optional<String> include) {
    Optional<UserId> viewer = caller.map(Caller::userId);
    boolean withKnownFollowers = KnownFollowersCards.requested(include);
    User user = visible.byId(id, viewer).user();
    return cards(List.of(user), viewer, withKnownFollowers).getFirst();
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
