package io.kith.core.relation.pair;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What one user of a pair has towards the other: each relation as the moment it began (millisecond precision, the
 * time its list entries are ordered by), or null when it does not hold.
 *
 * @param followedAt when the follow began
 * @param requestedAt when the pending follow request was made
 * @param blockedAt when the block began
 * @param mutedAt when the mute began
 * @param muteExpiresAt when the mute ends; null for a mute without end (and when not muted)
 */
public record OneWay(Instant followedAt, Instant requestedAt, Instant blockedAt, Instant mutedAt,
                     Instant muteExpiresAt) {
  public static final OneWay NONE = new OneWay(null, null, null, null, null);

  public OneWay {
    followedAt = millis(followedAt);
    requestedAt = millis(requestedAt);
    blockedAt = millis(blockedAt);
    mutedAt = millis(mutedAt);
    muteExpiresAt = millis(muteExpiresAt);
    if (mutedAt == null && muteExpiresAt != null) {
      throw new IllegalArgumentException("muteExpiresAt: " + muteExpiresAt + " (expected: null when not muted)");
    }
  }

  public boolean follows() {
    return followedAt != null;
  }

  public boolean requests() {
    return requestedAt != null;
  }

  public boolean blocks() {
    return blockedAt != null;
  }

  public boolean mutes() {
    return mutedAt != null;
  }

  /** Muting at {@code now}: a mute whose expiry has passed no longer counts. */
  public boolean mutesAt(Instant now) {
    return mutedAt != null && (muteExpiresAt == null || muteExpiresAt.isAfter(now));
  }

  public OneWay withFollow(Instant at) {
    return new OneWay(at, requestedAt, blockedAt, mutedAt, muteExpiresAt);
  }

  public OneWay withRequest(Instant at) {
    return new OneWay(followedAt, at, blockedAt, mutedAt, muteExpiresAt);
  }

  public OneWay withBlock(Instant at) {
    return new OneWay(followedAt, requestedAt, at, mutedAt, muteExpiresAt);
  }

  /** With the mute from {@code at} until {@code expiresAt} (null: no end), or no mute when {@code at} is null. */
  public OneWay withMute(Instant at, Instant expiresAt) {
    return new OneWay(followedAt, requestedAt, blockedAt, at, at == null ? null : expiresAt);
  }

  private static Instant millis(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public String toString() {
    return "OneWay[" + part("follow", followedAt) + part("request", requestedAt) + part("block", blockedAt)
        + part("mute", mutedAt) + part("until", muteExpiresAt) + "]";
  }

  private static String part(String name, Instant at) {
    return at == null ? "" : " " + name + "=" + at.toEpochMilli();
  }
}
