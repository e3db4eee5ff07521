package io.kith.core.spi;

/**
 * The per-user lists a store pages through, each ordered newest first. Each carries a stable {@link #code()} for
 * wherever a list is named in bytes (the cursors handed to clients), independent of the constants' order.
 */
public enum EdgeList {
  /** Who follows the owner, by follow time. */
  FOLLOWERS(0),
  /** Whom the owner follows, by follow time. */
  FOLLOWING(1),
  /** Mutual follows, by the time the second of the two follows was made. */
  FRIENDS(2),
  /** Who asked to follow the owner (a private account) and waits, by request time. */
  REQUESTS_IN(3),
  /** Whom the owner asked to follow, by request time. */
  REQUESTS_OUT(4),
  /** Whom the owner blocks, by block time. */
  BLOCKING(5),
  /** Whom the owner mutes, by mute time, expired mutes included (check {@link io.kith.core.Relationship}). */
  MUTING(6);

  private final int code;

  EdgeList(int code) {
    this.code = code;
  }

  /** The list's number inside every cursor handed out: never renumber, never reuse. */
  public int code() {
    return code;
  }

  /** The list with {@code code}; an {@link IllegalArgumentException} naming it if no list has that code. */
  public static EdgeList fromCode(int code) {
    for (EdgeList list : values()) {
      if (list.code == code) {
        return list;
      }
    }
    throw new IllegalArgumentException("edge list code: " + code + " (expected: 0-6)");
  }
}
