package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A card's {@code viewer}: the viewer's relationship with the user, and {@code known_followers} where the request
 * asked for it ({@code ?include=known_followers}) and the viewer may see it.
 */
public record Viewer(@JsonUnwrapped ViewerState state,
                     @JsonInclude(JsonInclude.Include.NON_NULL) KnownFollowersSummary knownFollowers) {

  public static Viewer of(ViewerState state) {
    return new Viewer(state, null);
  }

  Viewer withKnownFollowers(KnownFollowersSummary summary) {
    return new Viewer(state, summary);
  }
}
