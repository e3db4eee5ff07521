package io.kith.server.internal.api.wire;

import java.util.List;

/** A whole answer that is a list (a batch of cards, relationships, suggestions): never paged. */
public record Items<T>(List<T> items) {}
