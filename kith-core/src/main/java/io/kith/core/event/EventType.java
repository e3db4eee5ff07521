package io.kith.core.event;

/**
 * The kinds of change event (issue 12): every relation change, and the user changes, each with a stable name for the
 * wire. Only the relation kinds are produced yet, by the pair transitions ({@code io.kith.core.relation.pair}).
 */
public enum EventType {
  FOLLOW("follow"),
  UNFOLLOW("unfollow"),
  FOLLOW_REQUESTED("follow_requested"),
  FOLLOW_REQUEST_ACCEPTED("follow_request_accepted"),
  FOLLOW_REQUEST_REJECTED("follow_request_rejected"),
  FOLLOW_REQUEST_WITHDRAWN("follow_request_withdrawn"),
  FOLLOWER_REMOVED("follower_removed"),
  BLOCK("block"),
  UNBLOCK("unblock"),
  MUTE("mute"),
  UNMUTE("unmute"),
  USER_CREATED("user_created"),
  USER_UPDATED("user_updated"),
  USER_DELETED("user_deleted");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name clients see: never rename, never reuse. */
  public String wireName() {
    return wireName;
  }
}
