package io.kith.server.internal.api.wire;

import java.util.List;

/** "Followed by alice, bob and 12 others you follow": how many, and up to three of them as cards. */
public record KnownFollowersSummary(long count, List<UserCard> sample) {}
