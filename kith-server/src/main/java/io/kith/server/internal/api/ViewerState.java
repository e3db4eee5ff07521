package io.kith.server.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kith.core.Relationship;

/** How a relationship reads on the wire: in relationship answers and as the {@code viewer} of a card. */
final class ViewerState {
  private ViewerState() {}

  static ObjectNode write(ObjectNode node, Relationship r) {
    node.put("following", r.following());
    node.put("followed_by", r.followedBy());
    node.put("friend", r.friend());
    node.put("requested", r.requested());
    node.put("requested_by", r.requestedBy());
    node.put("blocking", r.blocking());
    node.put("blocked_by", r.blockedBy());
    node.put("muting", r.muting());
    if (r.mutingExpiresAt() == null) {
      node.putNull("muting_expires_at");
    } else {
      node.put("muting_expires_at", r.mutingExpiresAt().toString());
    }
    return node;
  }
}
