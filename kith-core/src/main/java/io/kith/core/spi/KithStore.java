package io.kith.core.spi;

import io.kith.core.Counts;
import io.kith.core.Handle;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.internal.RetryingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage SPI every Kith backend implements, and the contract {@code kith-store-tck} checks.
 *
 * <p>Contract shared by all methods:
 * <ul>
 *   <li>Each write is atomic: a follow writes the forward edge, the reverse edge, both users' counts and, when it
 *       makes or breaks a mutual follow, both friend entries and friend counts, or none of them.</li>
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

  /** Creates {@code user}; a {@code conflict} on field {@code handle} if the handle is taken. */
  void createUser(User user, String passwordHash);

  Optional<User> user(UserId id);

  Optional<User> userByHandle(Handle handle);

  /** The users among {@code ids} that exist, in the order asked (duplicates kept). */
  List<User> users(List<UserId> ids);

  /** All users in id order, after {@code after} (exclusive); for exports, audits and invariant checks. */
  List<User> scanUsers(Optional<UserId> after, int limit);

  /** Applies {@code update}; {@code not_found} if the user is absent, {@code conflict} if a new handle is taken. */
  User updateUser(UserId id, ProfileUpdate update);

  /**
   * Deletes the user, frees its handle and removes every edge in both directions, updating every affected count.
   * The user disappears at once; edges go in bounded atomic chunks, so the invariants hold between chunks, and a
   * deletion cut short by a crash is finished when the store reopens. Returns false if the user did not exist.
   */
  boolean deleteUser(UserId id);

  Optional<String> passwordHash(UserId id);

  // ---- graph ----

  /** {@code follower} follows {@code followee} from {@code at}; {@code not_found} if either user is absent. */
  FollowOutcome follow(UserId follower, UserId followee, Instant at);

  /** Returns whether an edge was removed. */
  boolean unfollow(UserId follower, UserId followee);

  /** Exact counts; zeros for an unknown user. One read, whatever the counts. */
  Counts counts(UserId id);

  /** Counts for each of {@code ids}. */
  Map<UserId, Counts> counts(List<UserId> ids);

  /** How {@code viewer} stands with each of {@code others}, in the order asked. */
  List<Relationship> relationships(UserId viewer, List<UserId> others);

  /** One page of {@code owner}'s list, newest relation first, resuming after {@code request}'s position. */
  EdgePage edges(EdgeList list, UserId owner, PageRequest request);

  // ---- sessions ----

  void createSession(Session session);

  Optional<Session> session(TokenHash tokenHash);

  /** Returns whether a session was removed. */
  boolean deleteSession(TokenHash tokenHash);

  // ---- lifecycle ----

  /** True while the store can serve reads and writes. */
  boolean isHealthy();

  /** Flushes and closes; calls after close fail with a {@link PermanentStoreException}. */
  @Override
  void close();

  /**
   * Wraps {@code store} so that calls failing with a {@link TemporaryStoreException} are retried, up to
   * {@code attempts} times in all with exponential backoff from {@code initialBackoff}. The one place Kith retries.
   */
  static KithStore withRetries(KithStore store, int attempts, Duration initialBackoff) {
    return new RetryingStore(store, attempts, initialBackoff);
  }
}
