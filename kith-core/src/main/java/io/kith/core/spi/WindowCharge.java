package io.kith.core.spi;

import java.util.Objects;

/**
 * One increment of a rate-window counter ({@link KithStore#addToWindow}) that a write carries: the store applies it
 * with the write, and only if the write changes something, so an action is counted exactly when it took effect.
 */
public record WindowCharge(String limiter, String subject, long bucket, long delta) {
  public WindowCharge {
    Objects.requireNonNull(limiter, "limiter");
    Objects.requireNonNull(subject, "subject");
  }
}
