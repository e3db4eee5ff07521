package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kith.core.UserId;
import io.kith.core.query.Suggestions.Suggestion;
import java.util.List;

/** A suggested account: its card and why it is suggested. */
public record Suggested(@JsonUnwrapped UserCard card, Reason reason) {

  /**
   * {@code {type: "followed_by", count, sample: [ids]}}, {@code {type: "follows_you"}} or {@code {type: "popular"}}.
   * The count and sample cover only follows the caller could see in some list (Suggestions decides).
   */
  public record Reason(String type, @JsonInclude(JsonInclude.Include.NON_NULL) Long count,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<UserId> sample) {

    public static Reason of(Suggestion suggestion) {
      return switch (suggestion.reason()) {
        case FOLLOWED_BY -> new Reason("followed_by", suggestion.count(), suggestion.sample());
        case FOLLOWS_YOU -> new Reason("follows_you", null, null);
        case POPULAR -> new Reason("popular", null, null);
      };
    }
  }
}
