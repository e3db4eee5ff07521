package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kith.core.Relationship;
import io.kith.core.UserId;

/** One entry of {@code GET /v1/relationships}: the other user's id and how the caller stands with it. */
public record RelationshipItem(UserId id, @JsonUnwrapped ViewerState state) {

  public static RelationshipItem of(Relationship r) {
    return new RelationshipItem(r.other(), ViewerState.of(r));
  }
}
