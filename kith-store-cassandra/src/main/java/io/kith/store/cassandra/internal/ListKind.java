package io.kith.store.cassandra.internal;

import io.kith.core.relation.pair.RelationList;
import io.kith.core.spi.EdgeList;

/** The lists kept in the {@code edges} table, with their stable codes (the {@code list} column). */
enum ListKind {
  FOLLOWERS(1), FOLLOWING(2), FRIENDS(3), REQUESTS_IN(4), REQUESTS_OUT(5), BLOCKING(6), BLOCKED_BY(7), MUTING(8),
  MUTED_BY(9);

  final byte code;

  ListKind(int code) {
    this.code = (byte) code;
  }

  static ListKind of(EdgeList list) {
    return switch (list) {
      case FOLLOWERS -> FOLLOWERS;
      case FOLLOWING -> FOLLOWING;
      case FRIENDS -> FRIENDS;
      case REQUESTS_IN -> REQUESTS_IN;
      case REQUESTS_OUT -> REQUESTS_OUT;
      case BLOCKING -> BLOCKING;
      case MUTING -> MUTING;
    };
  }

  static ListKind of(RelationList list) {
    return switch (list) {
      case FOLLOWERS -> FOLLOWERS;
      case FOLLOWING -> FOLLOWING;
      case FRIENDS -> FRIENDS;
      case REQUESTS_IN -> REQUESTS_IN;
      case REQUESTS_OUT -> REQUESTS_OUT;
      case BLOCKING -> BLOCKING;
      case BLOCKED_BY -> BLOCKED_BY;
      case MUTING -> MUTING;
      case MUTED_BY -> MUTED_BY;
    };
  }
}
