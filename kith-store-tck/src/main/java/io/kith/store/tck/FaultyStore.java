package io.kith.store.tck;

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
import io.kith.core.spi.WindowCharge;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A store decorator that fails calls on purpose with {@link TemporaryStoreException}s, at random (seeded) points:
 * <ul>
 *   <li><b>before</b> a call reaches the store ("unavailable"): nothing was applied;</li>
 *   <li><b>after</b> a write applied ("timed out"): the write is in the store but the caller sees a failure, as
 *       when a backend's acknowledgement is lost. Only writes get these; a read has nothing to apply.</li>
 * </ul>
 * What the wrapped store itself throws passes through untouched. Every verb of {@link KithStore} can fail this way
 * except {@link #isHealthy()} and {@link #close()}.
 */
public final class FaultyStore implements KithStore {
  private final KithStore delegate;
  private final Random random;
  private volatile double rate;
  private final AtomicLong before = new AtomicLong();
  private final AtomicLong after = new AtomicLong();

  /** Each fault point (before a call, after a write) fails with probability {@code rate}. */
  public FaultyStore(KithStore delegate, long seed, double rate) {
    this.delegate = delegate;
    this.random = new Random(seed);
    setRate(rate);
  }

  /** Changes the failure probability, e.g. to 0 while a test sets up its data. */
  public void setRate(double rate) {
    if (rate < 0 || rate >= 1) {
      throw new IllegalArgumentException("rate: " + rate + " (expected: 0 <= rate < 1)");
    }
    this.rate = rate;
  }

  /** Failures injected before a call: nothing applied. */
  public long failedBefore() {
    return before.get();
  }

  /** Failures injected after a write applied. */
  public long failedAfter() {
    return after.get();
  }

  /** All failures injected so far. */
  public long injected() {
    return before.get() + after.get();
  }

  private boolean roll() {
    double r = rate;
    return r > 0 && random.nextDouble() < r; // java.util.Random is thread-safe
  }

  private <T> T read(String verb, Supplier<T> call) {
    if (roll()) {
      before.incrementAndGet();
      throw new TemporaryStoreException("injected: store unavailable for " + verb, null);
    }
    return call.get();
  }

  private <T> T write(String verb, Supplier<T> call) {
    T result = read(verb, call);
    if (roll()) {
      after.incrementAndGet();
      throw new TemporaryStoreException("injected: " + verb + " timed out (it applied)",
          new TimeoutException(verb));
    }
    return result;
  }

  private void write(String verb, Runnable call) {
    write(verb, () -> {
      call.run();
      return null;
    });
  }

  @Override
  public void createUser(User user, String passwordHash) {
    write("createUser", () -> delegate.createUser(user, passwordHash));
  }

  @Override
  public Optional<User> user(UserId id) {
    return read("user", () -> delegate.user(id));
  }

  @Override
  public Optional<User> userByHandle(Handle handle) {
    return read("userByHandle", () -> delegate.userByHandle(handle));
  }

  @Override
  public List<User> users(List<UserId> ids) {
    return read("users", () -> delegate.users(ids));
  }

  @Override
  public List<UserId> existingUsers(List<UserId> ids) {
    return read("existingUsers", () -> delegate.existingUsers(ids));
  }

  @Override
  public List<User> scanUsers(Optional<UserId> after, int limit) {
    return read("scanUsers", () -> delegate.scanUsers(after, limit));
  }

  @Override
  public User updateUser(UserId id, ProfileUpdate update) {
    return write("updateUser", () -> delegate.updateUser(id, update));
  }

  @Override
  public boolean deleteUser(UserId id) {
    return write("deleteUser", () -> delegate.deleteUser(id));
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return read("passwordHash", () -> delegate.passwordHash(id));
  }

  @Override
  public FollowOutcome follow(UserId follower, UserId followee, Instant at) {
    return write("follow", () -> delegate.follow(follower, followee, at));
  }

  @Override
  public FollowOutcome follow(UserId follower, UserId followee, Instant at, List<WindowCharge> charges) {
    return write("follow", () -> delegate.follow(follower, followee, at, charges));
  }

  @Override
  public boolean unfollow(UserId follower, UserId followee) {
    return write("unfollow", () -> delegate.unfollow(follower, followee));
  }

  @Override
  public boolean acceptRequest(UserId owner, UserId requester, Instant at) {
    return write("acceptRequest", () -> delegate.acceptRequest(owner, requester, at));
  }

  @Override
  public boolean rejectRequest(UserId owner, UserId requester) {
    return write("rejectRequest", () -> delegate.rejectRequest(owner, requester));
  }

  @Override
  public boolean block(UserId blocker, UserId blocked, Instant at) {
    return write("block", () -> delegate.block(blocker, blocked, at));
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    return write("unblock", () -> delegate.unblock(blocker, blocked));
  }

  @Override
  public void mute(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    write("mute", () -> delegate.mute(muter, muted, at, expiresAt));
  }

  @Override
  public boolean unmute(UserId muter, UserId muted) {
    return write("unmute", () -> delegate.unmute(muter, muted));
  }

  @Override
  public Counts counts(UserId id) {
    return read("counts", () -> delegate.counts(id));
  }

  @Override
  public Map<UserId, Counts> counts(List<UserId> ids) {
    return read("counts", () -> delegate.counts(ids));
  }

  @Override
  public Map<UserId, Counts> scanCounts(List<UserId> ids) {
    return read("scanCounts", () -> delegate.scanCounts(ids));
  }

  @Override
  public List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now) {
    return read("relationships", () -> delegate.relationships(viewer, others, now));
  }

  @Override
  public List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    return read("followTimes", () -> delegate.followTimes(followers, followees));
  }

  @Override
  public void dismissSuggestion(UserId viewer, UserId other, Instant at) {
    write("dismissSuggestion", () -> delegate.dismissSuggestion(viewer, other, at));
  }

  @Override
  public Set<UserId> dismissedAmong(UserId viewer, List<UserId> others) {
    return read("dismissedAmong", () -> delegate.dismissedAmong(viewer, others));
  }

  @Override
  public Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others) {
    return read("blockedEitherWay", () -> delegate.blockedEitherWay(viewer, others));
  }

  @Override
  public EdgePage edges(EdgeList list, UserId owner, PageRequest request) {
    return read("edges", () -> delegate.edges(list, owner, request));
  }

  @Override
  public void addToWindow(String limiter, String subject, long bucket, long delta) {
    write("addToWindow", () -> delegate.addToWindow(limiter, subject, bucket, delta));
  }

  @Override
  public long[] windowCounts(String limiter, String subject, long fromBucket, long toBucket) {
    return read("windowCounts", () -> delegate.windowCounts(limiter, subject, fromBucket, toBucket));
  }

  @Override
  public void pruneWindows(String limiter, long bucket) {
    write("pruneWindows", () -> delegate.pruneWindows(limiter, bucket));
  }

  @Override
  public void createSession(Session session) {
    write("createSession", () -> delegate.createSession(session));
  }

  @Override
  public Optional<Session> session(TokenHash tokenHash) {
    return read("session", () -> delegate.session(tokenHash));
  }

  @Override
  public boolean deleteSession(TokenHash tokenHash) {
    return write("deleteSession", () -> delegate.deleteSession(tokenHash));
  }

  @Override
  public long outgoingRequests(UserId id) {
    return read("outgoingRequests", () -> delegate.outgoingRequests(id));
  }

  @Override
  public NodeIdLease leaseNodeId(int preferred, Clock clock) {
    return write("leaseNodeId", () -> delegate.leaseNodeId(preferred, clock));
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
