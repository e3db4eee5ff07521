package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.query.Suggestions.Suggestion;
import io.kith.server.internal.api.wire.Items;
import io.kith.server.internal.api.wire.Suggested;
import io.kith.server.internal.api.wire.UserCard;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/me/suggestions}: accounts the caller may want to follow, best first, each card with a
 * {@code reason}; {@code DELETE /v1/me/suggestions/{id}}: never suggest that account again.
 */
public final class SuggestionsApi {
  static final int DEFAULT_LIMIT = 20;

  private final ApiContext api;
  private final VisibleUsers visible;
  private final Suggestions suggestions;

  public SuggestionsApi(ApiContext api, PopularAccounts popular) {
    this.api = api;
    this.visible = new VisibleUsers(api.store(), api.clock());
    this.suggestions = new Suggestions(api.store(), api.clock(), popular);
  }

  @Get("/v1/me/suggestions")
  @Access(Access.Who.USER)
  public Items<Suggested> list(Caller caller, @Param("limit") Optional<String> limit) {
    UserId me = caller.userId();
    List<Suggestion> ranked = suggestions.suggest(me, BoundedLimit.parse(limit, DEFAULT_LIMIT, Suggestions.MAX_LIMIT));
    Map<UserId, UserCard> cards = api.cards().cardsById(ranked.stream().map(Suggestion::id).toList(), Optional.of(me));
    List<Suggested> items = new ArrayList<>(ranked.size());
    for (Suggestion suggestion : ranked) {
      UserCard card = cards.get(suggestion.id());
      if (card != null) { // null: deleted since it was ranked
        items.add(new Suggested(card, Suggested.Reason.of(suggestion)));
      }
    }
    return new Items<>(items);
  }

  @Delete("/v1/me/suggestions/{id}")
  @Access(Access.Who.USER)
  public void dismiss(Caller caller, UserId other) {
    UserId me = caller.userId();
    if (other.equals(me)) {
      throw KithException.invalid("id", "you are never suggested to yourself");
    }
    visible.byId(other, Optional.of(me));
    api.store().dismissSuggestion(me, other, api.clock().instant());
  }
}
