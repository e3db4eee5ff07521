package io.kith.core.query;

import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which users a viewer must not be shown: blocked either way, or muted by the viewer. */
final class ViewerFilter {
  private ViewerFilter() {}

  /** The hidden ones among {@code ids}, in one relationships read. */
  static Set<UserId> hidden(KithStore store, UserId viewer, List<UserId> ids, Instant now) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<UserId> hidden = new HashSet<>();
    for (Relationship relationship : store.relationships(viewer, ids, now)) {
      if (relationship.blockedEitherWay() || relationship.muting()) {
        hidden.add(relationship.other());
      }
    }
    return hidden;
  }
}
