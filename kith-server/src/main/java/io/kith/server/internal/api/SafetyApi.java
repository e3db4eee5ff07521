package io.kith.server.internal.api;

import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Put;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.server.internal.api.wire.MuteOptions;
import io.kith.server.internal.api.wire.States.Muting;
import io.kith.server.internal.api.wire.States.State;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code PUT/DELETE /v1/me/blocks/{id}} and {@code PUT/DELETE /v1/me/mutes/{id}}, all idempotent. A block severs
 * both follows and both pending requests at once; a mute changes no edge and may expire.
 */
public final class SafetyApi {
  private final ApiContext api;

  public SafetyApi(ApiContext api) {
    this.api = api;
  }

  @Put("/v1/me/blocks/{id}")
  @Access(Access.Who.USER)
  public State block(Caller caller, UserId target) {
    api.relations().block().block(caller.userId(), target);
    return new State("blocking");
  }

  @Delete("/v1/me/blocks/{id}")
  @Access(Access.Who.USER)
  public void unblock(Caller caller, UserId target) {
    api.relations().block().unblock(caller.userId(), target);
  }

  /** Body optional: {@code {"duration_seconds": N}}, 0 or absent for a mute without end. */
  @Put("/v1/me/mutes/{id}")
  @Access(Access.Who.USER)
  public Muting mute(Caller caller, UserId target, MuteOptions options) {
    Duration duration = Duration.ofSeconds(options.durationSeconds() == null ? 0 : options.durationSeconds());
    if (duration.isNegative()) {
      throw KithException.invalid("duration_seconds", "duration_seconds must be 0 (forever) or more");
    }
    Instant expiresAt = api.relations().mute().mute(caller.userId(), target, duration);
    // Times are stored and shown to the millisecond everywhere.
    return new Muting("muting", expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS));
  }

  @Delete("/v1/me/mutes/{id}")
  @Access(Access.Who.USER)
  public void unmute(Caller caller, UserId target) {
    api.relations().mute().unmute(caller.userId(), target);
  }
}
