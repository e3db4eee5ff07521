package io.kith.server.internal.api.wire;

import io.kith.server.internal.json.JsonBody;

/** {@code PUT /v1/me/mutes/{id}}'s optional body: for how long, 0 or absent (or no body) for a mute without end. */
@JsonBody(optional = true)
public record MuteOptions(Long durationSeconds) {}
