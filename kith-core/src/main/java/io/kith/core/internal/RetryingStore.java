package io.kith.core.internal;

import io.kith.core.Counts;
import io.kith.core.ErrorCode;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.Position;
import io.kith.core.spi.Session;
import io.kith.core.spi.TemporaryStoreException;
import io.kith.core.spi.TokenHash;
import io.kith.core.spi.WindowCharge;
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

/**
 * Retries calls that fail with a {@link TemporaryStoreException}; every other outcome passes straight through.
 *
 * <p>A temporary failure may come after the call applied (a timeout: the write landed, its acknowledgement was
 * lost), so a retried write can find its own effect already there. Each write answers as if it had applied once:
 * a retried follow, acceptance or block that finds an edge carrying its own time reports that it made it; a retried
 * sign-up that finds its own user holding the handle succeeds; a retried removal that finds nothing to remove
 * reports the removal (the earlier attempt may have made it, and the state asked for holds either way). Every other
 * write is a plain overwrite, which a retry repeats harmlessly; rate-window increments may count one hit twice
 * (docs/consistency.md).
 */
public final class RetryingStore implements KithStore {
  /** Waits between attempts: given the backoff for this retry, sleeps some time up to it. */
  interface Pause {
    void upTo(long backoffNanos);
  }

  /** One attempt of a call; {@code afterFailure}: an earlier attempt failed, and may have applied. */
  private interface Attempt<T> {
    T run(boolean afterFailure);
  }

  private static final long MAX_BACKOFF_NANOS = 1_000_000_000L;

  private final KithStore delegate;
  private final int attempts;
  private final long initialBackoffNanos;
  private final Pause pause;

  public RetryingStore(KithStore delegate, int attempts, Duration initialBackoff) {
    // Full jitter keeps retrying clients from stampeding a recovering backend in lockstep.
    this(delegate, attempts, initialBackoff,
        backoff -> LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(backoff + 1)));
  }

  RetryingStore(KithStore delegate, int attempts, Duration initialBackoff, Pause pause) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.pause = Objects.requireNonNull(pause, "pause");
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
    return attempt(afterFailure -> operation.get());
  }

  private <T> T attempt(Attempt<T> operation) {
    long backoff = initialBackoffNanos;
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.run(attempt > 1);
      } catch (TemporaryStoreException e) {
        if (attempt >= attempts) {
          throw e;
        }
        pause.upTo(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
      }
    }
  }

  /** A removal's answer on a retry: "nothing there" may mean an earlier attempt removed it. */
  private boolean removal(Supplier<Boolean> operation) {
    return attempt(afterFailure -> operation.get() || afterFailure);
  }

  /** Whether {@code follower} follows {@code followee} since exactly {@code at}: the follow this call made. */
  private boolean followsSince(UserId follower, UserId followee, Instant at) {
    Instant since = delegate.followTimes(List.of(follower), List.of(followee)).getFirst();
    return since != null && since.toEpochMilli() == at.toEpochMilli();
  }

  /**
   * Whether {@code owner}'s {@code list} holds {@code other} at exactly {@code at}: one entry read, starting just
   * before that position (lists run newest first, then by id descending).
   */
  private boolean listed(EdgeList list, UserId owner, UserId other, Instant at) {
    Position justBefore = new Position(at.toEpochMilli(), UserId.of(other.value() + 1));
    List<Edge> first = delegate.edges(list, owner, PageRequest.after(justBefore, 1)).edges();
    return !first.isEmpty() && first.getFirst().equals(new Edge(other, at));
  }

  private void run(Runnable operation) {
    call(() -> {
      operation.run();
      return null;
    });
  }

  @Override
  public void createUser(User user, String passwordHash) {
    attempt(afterFailure -> {
      try {
        delegate.createUser(user, passwordHash);
      } catch (KithException e) {
        // The handle taken by this very user: an earlier attempt created it.
        boolean ours = afterFailure && e.code() == ErrorCode.CONFLICT
            && delegate.user(user.id()).map(u -> u.handle().equals(user.handle())).orElse(false);
        if (!ours) {
          throw e;
        }
      }
      return null;
    });
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
  public List<UserId> existingUsers(List<UserId> ids) {
    return call(() -> delegate.existingUsers(ids));
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
    return removal(() -> delegate.deleteUser(id));
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return call(() -> delegate.passwordHash(id));
  }

  @Override
  public FollowOutcome follow(UserId follower, UserId followee, Instant at) {
    return follow(follower, followee, at, List.of());
  }

  /**
   * A retry after a failure that did apply finds its own follow (already following, since {@code at}), reports it
   * as made, and charges nothing again: the charges went with the edge, or not at all.
   */
  @Override
  public FollowOutcome follow(UserId follower, UserId followee, Instant at, List<WindowCharge> charges) {
    return attempt(afterFailure -> {
      FollowOutcome outcome = delegate.follow(follower, followee, at, charges);
      if (afterFailure && outcome == FollowOutcome.ALREADY_FOLLOWING && followsSince(follower, followee, at)) {
        return FollowOutcome.CREATED;
      }
      if (afterFailure && outcome == FollowOutcome.ALREADY_REQUESTED
          && listed(EdgeList.REQUESTS_OUT, follower, followee, at)) {
        return FollowOutcome.REQUESTED;
      }
      return outcome;
    });
  }

  @Override
  public boolean unfollow(UserId follower, UserId followee) {
    return removal(() -> delegate.unfollow(follower, followee));
  }

  @Override
  public boolean acceptRequest(UserId owner, UserId requester, Instant at) {
    return attempt(afterFailure -> delegate.acceptRequest(owner, requester, at)
        || afterFailure && followsSince(requester, owner, at));
  }

  @Override
  public boolean rejectRequest(UserId owner, UserId requester) {
    return removal(() -> delegate.rejectRequest(owner, requester));
  }

  @Override
  public boolean block(UserId blocker, UserId blocked, Instant at) {
    return attempt(afterFailure -> delegate.block(blocker, blocked, at)
        || afterFailure && listed(EdgeList.BLOCKING, blocker, blocked, at));
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    return removal(() -> delegate.unblock(blocker, blocked));
  }

  @Override
  public void mute(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    run(() -> delegate.mute(muter, muted, at, expiresAt));
  }

  @Override
  public boolean unmute(UserId muter, UserId muted) {
    return removal(() -> delegate.unmute(muter, muted));
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
  public Map<UserId, Counts> scanCounts(List<UserId> ids) {
    return call(() -> delegate.scanCounts(ids));
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
    return removal(() -> delegate.deleteSession(tokenHash));
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
