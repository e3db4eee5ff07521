package io.kith.core.relation;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Mute and unmute: changes no edge; a mute with a duration simply stops counting when it expires. */
public final class Mute {
  /** The longest timed mute: longer ones should be forever. */
  public static final Duration MAX_DURATION = Duration.ofDays(3650);

  private final KithStore store;
  private final Clock clock;

  public Mute(KithStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Mutes for {@code duration}; zero means until unmuted. Returns the expiry, or null for none. */
  public Instant mute(UserId actor, UserId target, Duration duration) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot mute yourself");
    }
    if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
      throw KithException.invalid("duration_seconds",
          "duration_seconds must be 0 (forever) to " + MAX_DURATION.toSeconds());
    }
    Instant now = clock.instant();
    if (store.relationships(actor, List.of(target), now).getFirst().blockedBy()) {
      throw KithException.notFound("no user with id " + target);
    }
    Instant expiresAt = duration.isZero() ? null : now.plus(duration);
    store.mute(actor, target, now, expiresAt);
    return expiresAt;
  }

  public boolean unmute(UserId actor, UserId target) {
    if (actor.equals(target)) {
      throw KithException.invalid("id", "you cannot unmute yourself");
    }
    return store.unmute(actor, target);
  }
}
