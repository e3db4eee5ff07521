package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.KithException;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.query.Suggestions.Suggestion;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.json.Json;
import java.util.HashMap;
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
    List<User> users = api.store().users(ranked.stream().map(Suggestion::id).toList());
    List<ObjectNode> userCards = api.cards().cards(users, Optional.of(me));
    Map<UserId, ObjectNode> cards = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      cards.put(users.get(i).id(), userCards.get(i));
    }
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    for (Suggestion suggestion : ranked) {
      ObjectNode card = cards.get(suggestion.id());
      if (card != null) { // null: deleted since it was ranked
        items.add(card.set("reason", reason(suggestion)));
      }
    }
    return Responses.ok(body);
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

  /**
   * {@code {type: "followed_by", count, sample: [ids]}}, {@code {type: "follows_you"}} or {@code {type: "popular"}}.
   * The count and sample cover only follows the caller could see in some list ({@link Suggestions} decides).
   */
  static ObjectNode reason(Suggestion suggestion) {
    ObjectNode reason = Json.object();
    switch (suggestion.reason()) {
      case FOLLOWED_BY -> {
        reason.put("type", "followed_by");
        reason.put("count", suggestion.count());
        ArrayNode sample = reason.putArray("sample");
        suggestion.sample().forEach(id -> sample.add(id.toString()));
      }
      case FOLLOWS_YOU -> reason.put("type", "follows_you");
      case POPULAR -> reason.put("type", "popular");
    }
    return reason;
  }
}
