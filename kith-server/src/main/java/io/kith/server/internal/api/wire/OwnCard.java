package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The caller's own card ({@code GET/PATCH /v1/me}): the public card plus settings only the owner sees. */
public record OwnCard(@JsonUnwrapped UserCard card, boolean discoverable) {}
