package io.kith.server.internal.api.wire;

import io.kith.core.UserId;
import java.util.List;

/** A page of the fan-out streams ({@code /ids}): ids only, newest first; {@code next_cursor} null on the last. */
public record IdPage(List<UserId> ids, String nextCursor) {}
