package io.kith.core.internal;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Session;
import io.kith.core.spi.TemporaryStoreException;
import io.kith.core.spi.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Retries calls that fail with a {@link TemporaryStoreException}; every other outcome passes straight through. */
public final class RetryingStore implements KithStore {
  private final KithStore delegate;
  private final int attempts;
  private final long initialBackoffNanos;

  public RetryingStore(KithStore delegate, int attempts, Duration initialBackoff) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (attempts < 1 || attempts > 20) {
      throw new IllegalArgumentException("attempts: " + attempts + " (expected: 1-20)");
    }
    if (initialBackoff.isNegative() || initialBackoff.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("initialBackoff: " + initialBackoff + " (expected: 0-10s)");
    }
    this.attempts = attempts;
    this.initialBackoffNanos = initialBackoff.toNanos();
  }

  private <T> T call(Supplier<T> operation) {
    long backoff = initialBackoffNanos;
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.get();
      } catch (TemporaryStoreException e) {
        if (attempt >= attempts) {
          throw e;
        }
        // Full jitter keeps retrying clients from stampeding a recovering backend in lockstep.
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(backoff + 1));
        backoff = Math.min(backoff * 2, 1_000_000_000L);
      }
    }
  }

  private void run(Runnable operation) {
    call(() -> {
      operation.run();
      return null;
    });
  }

  @Override
  public void createUser(User user, String passwordHash) {
    run(() -> delegate.createUser(user, passwordHash));
  }

  @Override
  public Optional<User> user(UserId id) {
    return call(() -> delegate.user(id));
  }

  @Override
  public Optional<User> userByHandle(Handle handle) {
    return call(() -> delegate.userByHandle(handle));
  }

  @Override
  public List<User> users(List<UserId> ids) {
    return call(() -> delegate.users(ids));
  }

  @Override
  public List<User> scanUsers(Optional<UserId> after, int limit) {
    return call(() -> delegate.scanUsers(after, limit));
  }

  @Override
  public User updateUser(UserId id, ProfileUpdate update) {
    return call(() -> delegate.updateUser(id, update));
  }

  @Override
  public boolean deleteUser(UserId id) {
    return call(() -> delegate.deleteUser(id));
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return call(() -> delegate.passwordHash(id));
  }

  @Override
  public FollowOutcome follow(UserId follower, UserId followee, Instant at) {
    return call(() -> delegate.follow(follower, followee, at));
  }

  @Override
  public boolean unfollow(UserId follower, UserId followee) {
    return call(() -> delegate.unfollow(follower, followee));
  }

  @Override
  public boolean acceptRequest(UserId owner, UserId requester, Instant at) {
    return call(() -> delegate.acceptRequest(owner, requester, at));
  }

  @Override
  public boolean rejectRequest(UserId owner, UserId requester) {
    return call(() -> delegate.rejectRequest(owner, requester));
  }

  @Override
  public boolean block(UserId blocker, UserId blocked, Instant at) {
    return call(() -> delegate.block(blocker, blocked, at));
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    return call(() -> delegate.unblock(blocker, blocked));
  }

  @Override
  public void mute(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    run(() -> delegate.mute(muter, muted, at, expiresAt));
  }

  @Override
  public boolean unmute(UserId muter, UserId muted) {
    return call(() -> delegate.unmute(muter, muted));
  }

  @Override
  public List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    return call(() -> delegate.followTimes(followers, followees));
  }

  @Override
  public void dismissSuggestion(UserId viewer, UserId other, Instant at) {
    run(() -> delegate.dismissSuggestion(viewer, other, at));
  }

  @Override
  public Set<UserId> dismissedAmong(UserId viewer, List<UserId> others) {
    return call(() -> delegate.dismissedAmong(viewer, others));
  }

  @Override
  public Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others) {
    return call(() -> delegate.blockedEitherWay(viewer, others));
  }

  @Override
  public void addToWindow(String limiter, String subject, long bucket, long delta) {
    run(() -> delegate.addToWindow(limiter, subject, bucket, delta));
  }

  @Override
  public long[] windowCounts(String limiter, String subject, long fromBucket, long toBucket) {
    return call(() -> delegate.windowCounts(limiter, subject, fromBucket, toBucket));
  }

  @Override
  public void pruneWindows(String limiter, long bucket) {
    run(() -> delegate.pruneWindows(limiter, bucket));
  }

  @Override
  public Counts counts(UserId id) {
    return call(() -> delegate.counts(id));
  }

  @Override
  public long outgoingRequests(UserId id) {
    return call(() -> delegate.outgoingRequests(id));
  }

  @Override
  public Map<UserId, Counts> counts(List<UserId> ids) {
    return call(() -> delegate.counts(ids));
  }

  @Override
  public List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now) {
    return call(() -> delegate.relationships(viewer, others, now));
  }

  @Override
  public EdgePage edges(EdgeList list, UserId owner, PageRequest request) {
    return call(() -> delegate.edges(list, owner, request));
  }

  @Override
  public void createSession(Session session) {
    run(() -> delegate.createSession(session));
  }

  @Override
  public Optional<Session> session(TokenHash tokenHash) {
    return call(() -> delegate.session(tokenHash));
  }

  @Override
  public boolean deleteSession(TokenHash tokenHash) {
    return call(() -> delegate.deleteSession(tokenHash));
  }

  @Override
  public NodeIdLease leaseNodeId(int preferred, Clock clock) {
    return call(() -> delegate.leaseNodeId(preferred, clock));
  }

  @Override
  public boolean isHealthy() {
    return delegate.isHealthy();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
