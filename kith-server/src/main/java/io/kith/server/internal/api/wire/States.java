package io.kith.server.internal.api.wire;

import java.time.Instant;

/** What the idempotent relation writes answer. */
public final class States {
  private States() {}

  /** {@code PUT /v1/me/following/{id}}: "following" or "requested"; {@code PUT /v1/me/blocks/{id}}: "blocking". */
  public record State(String state) {}

  /** {@code PUT /v1/me/mutes/{id}}: "muting", until {@code expires_at} (null: until unmuted). */
  public record Muting(String state, Instant expiresAt) {}
}
