package io.kith.core.testing;

import io.kith.core.Counts;
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
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plain in-memory graph for kith-core's unit tests of query mechanics (ranking, paging, caps), which cannot use a
 * real backend: kith-core may not depend on one. Public accounts only: follows, blocks, mutes and dismissals, no
 * requests, sessions or rate windows. The real stores are held to the SPI by the TCK; this one only has to be
 * obviously right. It records every list page read, so tests can check how much a query reads.
 */
public final class MemoryStore implements KithStore {
  /** One {@link #edges} call. */
  public record PageRead(EdgeList list, UserId owner, int limit) {}

  private static final Comparator<Edge> NEWEST_FIRST = Comparator
      .comparingLong((Edge e) -> e.at().toEpochMilli()).reversed()
      .thenComparing(Comparator.comparingLong((Edge e) -> e.other().value()).reversed());

  private final Map<UserId, User> users = new LinkedHashMap<>();
  private final Map<List<UserId>, Instant> follows = new HashMap<>();
  private final Set<List<UserId>> blocks = new HashSet<>();
  private final Set<List<UserId>> mutes = new HashSet<>();
  private final Set<List<UserId>> dismissed = new HashSet<>();
  private final List<PageRead> pageReads = new ArrayList<>();
  private long nextId = 1;

  /** A new public, discoverable user. */
  public UserId newUser() {
    return newUser(true);
  }

  public UserId newUser(boolean discoverable) {
    UserId id = UserId.of(nextId++);
    User user = new User(id, new Handle("user" + id.value()), "", "", null, false,
        io.kith.core.ListsVisibility.EVERYONE, discoverable, Instant.EPOCH);
    createUser(user, "hash");
    return id;
  }

  public List<UserId> newUsers(int n) {
    List<UserId> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(newUser());
    }
    return ids;
  }

  /** {@code follower} follows {@code followee} from {@code atMillis}. */
  public void follow(UserId follower, UserId followee, long atMillis) {
    follow(follower, followee, Instant.ofEpochMilli(atMillis));
  }

  public List<PageRead> pageReads() {
    return List.copyOf(pageReads);
  }

  public void clearPageReads() {
    pageReads.clear();
  }

  @Override
  public void createUser(User user, String passwordHash) {
    users.put(user.id(), user);
  }

  @Override
  public Optional<User> user(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> userByHandle(Handle handle) {
    return users.values().stream().filter(u -> u.handle().equals(handle)).findFirst();
  }

  @Override
  public List<User> users(List<UserId> ids) {
    return ids.stream().filter(users::containsKey).map(users::get).toList();
  }

  @Override
  public List<User> scanUsers(Optional<UserId> after, int limit) {
    return users.values().stream().filter(u -> after.map(a -> u.id().value() > a.value()).orElse(true))
        .sorted(Comparator.comparing(User::id)).limit(limit).toList();
  }

  @Override
  public User updateUser(UserId id, ProfileUpdate update) {
    User updated = user(id).orElseThrow(() -> KithException.notFound("no user " + id)).with(update);
    users.put(id, updated);
    return updated;
  }

  @Override
  public boolean deleteUser(UserId id) {
    follows.keySet().removeIf(pair -> pair.contains(id));
    blocks.removeIf(pair -> pair.contains(id));
    mutes.removeIf(pair -> pair.contains(id));
    return users.remove(id) != null;
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return user(id).map(u -> "hash");
  }

  @Override
  public FollowOutcome follow(UserId follower, UserId followee, Instant at) {
    if (!users.containsKey(follower) || !users.containsKey(followee)) {
      throw KithException.notFound("no such user");
    }
    return follows.putIfAbsent(List.of(follower, followee), at) == null
        ? FollowOutcome.CREATED : FollowOutcome.ALREADY_FOLLOWING;
  }

  @Override
  public boolean unfollow(UserId follower, UserId followee) {
    return follows.remove(List.of(follower, followee)) != null;
  }

  @Override
  public boolean acceptRequest(UserId owner, UserId requester, Instant at) {
    return false;
  }

  @Override
  public boolean rejectRequest(UserId owner, UserId requester) {
    return false;
  }

  @Override
  public boolean block(UserId blocker, UserId blocked, Instant at) {
    follows.remove(List.of(blocker, blocked));
    follows.remove(List.of(blocked, blocker));
    return blocks.add(List.of(blocker, blocked));
  }

  @Override
  public boolean unblock(UserId blocker, UserId blocked) {
    return blocks.remove(List.of(blocker, blocked));
  }

  @Override
  public void mute(UserId muter, UserId muted, Instant at, Instant expiresAt) {
    mutes.add(List.of(muter, muted));
  }

  @Override
  public boolean unmute(UserId muter, UserId muted) {
    return mutes.remove(List.of(muter, muted));
  }

  @Override
  public Counts counts(UserId id) {
    long followers = follows.keySet().stream().filter(p -> p.get(1).equals(id)).count();
    long following = follows.keySet().stream().filter(p -> p.get(0).equals(id)).count();
    long friends = follows.keySet().stream()
        .filter(p -> p.get(0).equals(id) && follows.containsKey(List.of(p.get(1), id))).count();
    return new Counts(followers, following, friends);
  }

  @Override
  public Map<UserId, Counts> counts(List<UserId> ids) {
    Map<UserId, Counts> counts = new HashMap<>();
    ids.forEach(id -> counts.put(id, counts(id)));
    return counts;
  }

  @Override
  public List<Relationship> relationships(UserId viewer, List<UserId> others, Instant now) {
    return others.stream().map(other -> new Relationship(other,
        follows.containsKey(List.of(viewer, other)), follows.containsKey(List.of(other, viewer)), false, false,
        blocks.contains(List.of(viewer, other)), blocks.contains(List.of(other, viewer)),
        mutes.contains(List.of(viewer, other)), null)).toList();
  }

  @Override
  public List<Instant> followTimes(List<UserId> followers, List<UserId> followees) {
    List<Instant> times = new ArrayList<>(followers.size());
    for (int i = 0; i < followers.size(); i++) {
      times.add(follows.get(List.of(followers.get(i), followees.get(i))));
    }
    return times;
  }

  @Override
  public void dismissSuggestion(UserId viewer, UserId other, Instant at) {
    dismissed.add(List.of(viewer, other));
  }

  @Override
  public Set<UserId> dismissedAmong(UserId viewer, List<UserId> others) {
    Set<UserId> found = new HashSet<>();
    others.stream().filter(o -> dismissed.contains(List.of(viewer, o))).forEach(found::add);
    return found;
  }

  @Override
  public Set<UserId> blockedEitherWay(UserId viewer, List<UserId> others) {
    Set<UserId> found = new HashSet<>();
    others.stream().filter(o -> blocks.contains(List.of(viewer, o)) || blocks.contains(List.of(o, viewer)))
        .forEach(found::add);
    return found;
  }

  @Override
  public EdgePage edges(EdgeList list, UserId owner, PageRequest request) {
    pageReads.add(new PageRead(list, owner, request.limit()));
    List<Edge> all = new ArrayList<>();
    switch (list) {
      case FOLLOWING -> follows.forEach((pair, at) -> {
        if (pair.get(0).equals(owner)) {
          all.add(new Edge(pair.get(1), at));
        }
      });
      case FOLLOWERS -> follows.forEach((pair, at) -> {
        if (pair.get(1).equals(owner)) {
          all.add(new Edge(pair.get(0), at));
        }
      });
      default -> throw new UnsupportedOperationException("list " + list);
    }
    all.sort(NEWEST_FIRST);
    List<Edge> after = request.after().map(position -> all.stream().filter(e -> NEWEST_FIRST.compare(e,
        new Edge(position.other(), Instant.ofEpochMilli(position.atMillis()))) > 0).toList()).orElse(all);
    List<Edge> page = after.subList(0, Math.min(request.limit(), after.size()));
    boolean more = after.size() > page.size();
    return new EdgePage(page, more ? Optional.of(page.getLast().position()) : Optional.empty());
  }

  @Override
  public void addToWindow(String limiter, String subject, long bucket, long delta) {
    throw new UnsupportedOperationException("rate windows");
  }

  @Override
  public long[] windowCounts(String limiter, String subject, long fromBucket, long toBucket) {
    throw new UnsupportedOperationException("rate windows");
  }

  @Override
  public void pruneWindows(String limiter, long bucket) {
    throw new UnsupportedOperationException("rate windows");
  }

  @Override
  public void createSession(Session session) {
    throw new UnsupportedOperationException("sessions");
  }

  @Override
  public Optional<Session> session(TokenHash tokenHash) {
    throw new UnsupportedOperationException("sessions");
  }

  @Override
  public boolean deleteSession(TokenHash tokenHash) {
    throw new UnsupportedOperationException("sessions");
  }

  @Override
  public long outgoingRequests(UserId id) {
    return 0; // no private accounts here
  }

  @Override
  public NodeIdLease leaseNodeId(int preferred, Clock clock) {
    throw new UnsupportedOperationException("node ids");
  }

  @Override
  public boolean isHealthy() {
    return true;
  }

  @Override
  public void close() {}
}
