package io.kith.server.internal.api;

import io.kith.core.IdGenerator;
import io.kith.core.relation.Follow;
import io.kith.core.relation.Unfollow;
import io.kith.core.spi.KithStore;
import io.kith.server.internal.auth.BearerTokens;
import io.kith.server.internal.auth.PasswordHasher;
import java.time.Clock;
import java.time.Duration;

/** What the endpoints share. {@code store} is already wrapped with retries. */
public record ApiContext(KithStore store, Clock clock, IdGenerator ids, PasswordHasher passwords,
                         BearerTokens tokens, Duration tokenLifetime, Follow follow, Unfollow unfollow,
                         UserCards cards) {}
