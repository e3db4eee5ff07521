package io.kith.server.internal.api.wire;

import java.util.List;

/** One page of a list, newest first; {@code next_cursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
