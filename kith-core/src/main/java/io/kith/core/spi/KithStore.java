package io.kith.core.spi;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.internal.RetryingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage SPI every Kith backend implements, and the contract {@code kith-store-tck} checks.
 *
 * <p>Contract shared by all methods:
 * <ul>
 *   <li>Each write is atomic: a follow writes the forward edge, the reverse edge, both users' counts and, when it
 *       makes or breaks a mutual follow, both friend entries and friend counts, or none of them; a request, its
 *       two list entries and the requester's count of outgoing requests likewise.</li>
 *   <li>An acknowledged write is durable to the degree the backend's configuration promises.</li>
 *   <li>Domain refusals are {@link io.kith.core.KithException}s (not found, conflict); infrastructure failures are
 *       {@link StoreException}s, split into temporary (safe to retry: the write did not apply, or re-applying it is a
 *       no-op) and permanent.</li>
 *   <li>Work per call is bounded by the ids or the page asked for, never by how many followers a user has.
 *       {@link #deleteUser} is the exception and says so.</li>
 * </ul>
 */
public interface KithStore extends AutoCloseable {

  // ---- users ----

  /**
   * Creates {@code user}; a {@code conflict} on field {@code handle} if the handle is taken, and on field {@code id}
   * if another user has its id (never written over: the backstop, since leased node ids keep ids unique). Repeating
   * a creation that applied (its answer lost) succeeds.
   */
  void createUser(User user, String passwordHash);

  Optional<User> user(UserId id);

  Optional<User> userByHandle(Handle handle);

  /** The users among {@code ids} that exist, in the order asked (duplicates kept). */
  List<User> users(List<UserId> ids);

  /**
   * The ids among {@code ids} whose users exist, in the order asked (duplicates kept): {@link #users} without the
   * records, for checks that need only existence (which authors a relationship batch answers for, whether a
   * token's account still exists). A store may answer it from memory.
   */
  default List<UserId> existingUsers(List<UserId> ids) {
    return users(ids).stream().map(User::id).toList();
  }

  /**
   * All users in id order, after {@code after} (exclusive); for exports, audits, rankings and invariant checks. A
   * scan must not fill the store's caches: it would evict what requests read.
   */
  List<User> scanUsers(Optional<UserId> after, int limit);

  /**
   * Applies {@code update}; {@code not_found} if the user is absent, {@code conflict} if a new handle is taken.
   * Turning a private account public approves every pending follow request: in bounded atomic chunks after the
   * profile write, finished on reopen if a crash cuts it short, counts exact throughout.
   */
  User updateUser(UserId id, ProfileUpdate update);

  /**
   * Deletes the user, frees its handle and removes every edge in both directions, updating every affected count.
   * The user disappears at once; edges go in bounded atomic chunks, so the invariants hold between chunks, and a
   * deletion cut short by a crash is finished when the store reopens. Returns false if the user did not exist.
   */
  boolean deleteUser(UserId id);

  Optional<String> passwordHash(UserId id);

  // ---- graph ----

  /**
   * {@code follower} follows {@code followee} from {@code at}, or, if {@code followee} is private, asks to.
   * {@code not_found} if either user is absent; {@code blocked} if either blocks the other. A request and a follow
   * of the same pair never coexist.
   */
  FollowOutcome follow(UserId follower, UserId followee, Instant at);

  /**
   * {@link #follow(UserId, UserId, Instant)}, adding {@code charges} to their rate windows when (and only when) the
   * follow or the request is created. A backend that can applies them in the edge's own atomic write, so that an
   * acknowledged follow costs one durable write (RocksDB: one WAL sync); this default applies them after the edge,
   * as separate writes (a crash in between forgets them, under-counting, never over-counting).
   */
  default FollowOutcome follow(UserId follower, UserId followee, Instant at, List<WindowCharge> charges) {
    FollowOutcome outcome = follow(follower, followee, at);
    if (outcome == FollowOutcome.CREATED || outcome == FollowOutcome.REQUESTED) {
      for (WindowCharge charge : charges) {
        addToWindow(charge.limiter(), charge.subject(), charge.bucket(), charge.delta());
      }
    }
    return outcome;
  }

  /** Removes the follow or the pending request of {@code follower} to {@code followee}; whether one was there. */
  boolean unfollow(UserId follower, UserId followee);

  /** {@code owner} approves {@code requester}'s pending request, which becomes a follow from {@code at}. */
  boolean acceptRequest(UserId owner, UserId requester, Instant at);

  /** {@code owner} turns down {@code requester}'s pending request. */
  boolean rejectRequest(UserId owner, UserId requester);

  /**
   * {@code blocker} blocks {@code blocked}: in the same atomic write, both follows and both pending requests
   * between them go, with every count. Returns false if the block was already there. {@code not_found} if either
   * user is absent.
   */
  boolean block(UserId blocker, UserId blocked, Instant at);

  boolean unblock(UserId blocker, UserId blocked);

  /**
   * {@code muter} mutes {@code muted} from {@code at} until {@code expiresAt} (null: until unmuted); muting again
   * replaces the expiry. Changes no edge. {@code not_found} if either user is absent.
   */
  void mute(UserId muter, UserId muted, Instant at, Instant expiresAt);

  boolean unmute(UserId muter, UserId muted);

  /** Exact counts; zeros for an unknown user. One read, whatever the counts. */
  Counts counts(UserId id);

  /** Counts for each of {@code ids}. */
  Map<UserId, Counts> counts(List<UserId> ids);

  /**
   * The same answer as {@link #counts(List)}, for a scan over many users (the popular-accounts ranking reads every
   * user's counts): read without filling the store's caches, so a background scan never evicts what requests read.
   */
  default Map<UserId, Counts> scanCounts(List<UserId> ids) {
    return counts(ids);
  }

  /**
   * How many follow requests {@code id} has sent that are still pending (the size of its {@link
   * EdgeList#REQUESTS_OUT} list), kept exact in the same atomic writes as the requests, like the other counts;
   * 0 for an unknown user. One read. The follow cap counts these ({@link io.kith.core.relation.Follow}).
   */
  long outgoingRequests(UserId id);

  /**
   * How {@code viewer} stands with each of {@code others}, in the order asked; a mute that expired before
   * {@code now} is not muting.
   */
  List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now);

  /**
   * For each i, when {@code followers[i]} began to follow {@code followees[i]}, or null where it does not: one
   * read for a whole batch of point checks (intersections are built from these).
   */
  List<Instant> followTimes(List<UserId> followers, List<UserId> followees);

  /** {@code viewer} never wants {@code other} suggested again. */
  void dismissSuggestion(UserId viewer, UserId other, Instant at);

  /** Those of {@code others} that {@code viewer} dismissed as suggestions. */
  Set<UserId> dismissedAmong(UserId viewer, List<UserId> others);

  /** Those of {@code others} that block {@code viewer} or that {@code viewer} blocks: one read for a whole page. */
  Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others);

  /** One page of {@code owner}'s list, newest relation first, resuming after {@code request}'s position. */
  EdgePage edges(EdgeList list, UserId owner, PageRequest request);

  // ---- rate windows ----

  /**
   * Adds {@code delta} to the counter of {@code subject} (a user id, a handle, an IP) under {@code limiter} in time
   * bucket {@code bucket}. Buckets are kept until pruned; all nodes sharing a store share them.
   */
  void addToWindow(String limiter, String subject, long bucket, long delta);

  /** The counters of {@code subject} under {@code limiter} for buckets {@code fromBucket..toBucket} inclusive. */
  long[] windowCounts(String limiter, String subject, long fromBucket, long toBucket);

  /** Drops every bucket of {@code limiter} before {@code bucket}. */
  void pruneWindows(String limiter, long bucket);

  // ---- sessions ----

  void createSession(Session session);

  Optional<Session> session(TokenHash tokenHash);

  /** Returns whether a session was removed. */
  boolean deleteSession(TokenHash tokenHash);

  // ---- node ids ----

  /**
   * Leases a node id for issuing user ids ({@link io.kith.core.IdGenerator#leased}) that no other process sharing
   * this store holds: {@code preferred} (0-1023) if it is free, else another free one. A store shared by several
   * processes renews the lease in the background until it is released or the store closes; a lease it cannot renew
   * in time grants nothing until it is renewed or another id is leased (see {@link NodeIdLease}). A
   * {@link TemporaryStoreException} if no id is free or the store cannot be reached.
   */
  NodeIdLease leaseNodeId(int preferred, Clock clock);

  // ---- lifecycle ----

  /** True while the store can serve reads and writes. */
  boolean isHealthy();

  /** Flushes and closes; calls after close fail with a {@link PermanentStoreException}. */
  @Override
  void close();

  /**
   * Wraps {@code store} so that calls failing with a {@link TemporaryStoreException} are retried, up to
   * {@code attempts} times in all with exponential backoff from {@code initialBackoff}. The one place Kith retries.
   * A retried write answers as if it had applied once, even when an earlier attempt applied and only its answer was
   * lost (see {@link RetryingStore} and docs/consistency.md).
   */
  static KithStore withRetries(KithStore store, int attempts, Duration initialBackoff) {
    return new RetryingStore(store, attempts, initialBackoff);
  }
}
