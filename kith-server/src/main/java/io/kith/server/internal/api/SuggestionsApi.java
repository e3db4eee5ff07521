package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.query.Suggestions.Suggestion;
import io.kith.server.internal.api.wire.Items;
import io.kith.server.internal.api.wire.Suggested;
import io.kith.server.internal.api.wire.UserCard;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
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

  public AggregatedHttpResponse list(ApiRequest request) {
    UserId me = request.caller().userId();
    int limit = BoundedLimit.parse(request.query("limit"), DEFAULT_LIMIT, Suggestions.MAX_LIMIT);
    List<Suggestion> ranked = suggestions.suggest(me, limit);
    Map<UserId, UserCard> cards = api.cards().cardsById(ranked.stream().map(Suggestion::id).toList(), Optional.of(me));
    List<Suggested> items = new ArrayList<>(ranked.size());
    for (Suggestion suggestion : ranked) {
      UserCard card = cards.get(suggestion.id());
      if (card != null) { // null: deleted since it was ranked
        items.add(new Suggested(card, Suggested.Reason.of(suggestion)));
      }
    }
    return Responses.ok(new Items<>(items));
  }

  public AggregatedHttpResponse dismiss(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId other = UserId.parse("id", request.pathParam("id"));
    if (other.equals(me)) {
      throw KithException.invalid("id", "you are never suggested to yourself");
    }
    visible.byId(other, Optional.of(me));
    api.store().dismissSuggestion(me, other, api.clock().instant());
    return Responses.noContent();
  }
}
