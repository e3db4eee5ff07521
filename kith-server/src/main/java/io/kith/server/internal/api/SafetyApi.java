package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.server.internal.api.wire.MuteOptions;
import io.kith.server.internal.api.wire.States.Muting;
import io.kith.server.internal.api.wire.States.State;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
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

  public AggregatedHttpResponse block(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    api.relations().block().block(me, target);
    return Responses.ok(new State("blocking"));
  }

  public AggregatedHttpResponse unblock(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    api.relations().block().unblock(me, target);
    return Responses.noContent();
  }

  /** Body optional: {@code {"duration_seconds": N}}, 0 or absent for a mute without end. */
  public AggregatedHttpResponse mute(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    Duration duration = Duration.ZERO;
    if (request.hasBody()) {
      Long seconds = request.body(MuteOptions.class).durationSeconds();
      duration = Duration.ofSeconds(seconds == null ? 0 : seconds);
    }
    if (duration.isNegative()) {
      throw KithException.invalid("duration_seconds", "duration_seconds must be 0 (forever) or more");
    }
    Instant expiresAt = api.relations().mute().mute(me, target, duration);
    // Times are stored and shown to the millisecond everywhere.
    return Responses.ok(new Muting("muting", expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS)));
  }

  public AggregatedHttpResponse unmute(ApiRequest request) {
    UserId me = request.caller().userId();
    UserId target = UserId.parse("id", request.pathParam("id"));
    api.relations().mute().unmute(me, target);
    return Responses.noContent();
  }
}
