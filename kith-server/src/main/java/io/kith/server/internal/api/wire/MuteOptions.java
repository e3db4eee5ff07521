package io.kith.server.internal.api.wire;

/** {@code PUT /v1/me/mutes/{id}}'s optional body: for how long, 0 or absent for a mute without end. */
public record MuteOptions(Long durationSeconds) {}
