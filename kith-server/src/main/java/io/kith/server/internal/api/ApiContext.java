package io.kith.server.internal.api;

import io.kith.core.IdGenerator;
import io.kith.core.limit.LoginLimiter;
import io.kith.core.limit.RateLimiter;
import io.kith.core.query.ListReader;
import io.kith.core.relation.AnswerRequest;
import io.kith.core.relation.Block;
import io.kith.core.relation.Follow;
import io.kith.core.relation.Mute;
import io.kith.core.relation.RemoveFollower;
import io.kith.core.relation.Unfollow;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.internal.auth.PasswordHasher;
import io.kith.server.internal.auth.SessionCache;
import java.time.Clock;
import java.time.Duration;

/**
 * What the endpoints share. {@code store} is already wrapped with retries; {@code sessions} is the authenticator's
 * session cache, which every session deletion must evict from before answering.
 */
public record ApiContext(KithStore store, Clock clock, IdGenerator ids, PasswordHasher passwords,
                         BearerTokens tokens, Duration tokenLifetime, Relations relations, ListReader lists,
                         RateLimiter rateLimiter, AccessLimits accessLimits, UserCards cards,
                         SessionCache sessions) {

  /** The relation verbs, each with its guards and limits. */
  public record Relations(Follow follow, Unfollow unfollow, RemoveFollower removeFollower,
                          AnswerRequest answerRequest, Block block, Mute mute) {}

  /** The rules on log-in attempts, over the shared rate windows. */
  public LoginLimiter loginLimiter() {
    return new LoginLimiter(rateLimiter, accessLimits.login());
  }

  public Follow follow() {
    return relations.follow();
  }

  public Unfollow unfollow() {
    return relations.unfollow();
  }
}
