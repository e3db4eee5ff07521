package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Counts;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.ListsVisibility;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.FollowOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Private accounts and follow requests, blocks, mutes, and the rate-window counters. */
public abstract class PrivacyContract extends StoreContract {

  private UserId privateUser() {
    User user = newUser();
    return store.updateUser(user.id(), ProfileUpdate.none().withPrivate(true)).id();
  }

  private Relationship between(UserId viewer, UserId other) {
    return store.relationships(viewer, List.of(other), Instant.now()).getFirst();
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void followingAPrivateAccountCreatesARequestNotAnEdge() {
    UserId owner = privateUser();
    UserId fan = newUser().id();

    assertThat(store.follow(fan, owner, Instant.now())).isEqualTo(FollowOutcome.REQUESTED);
    assertThat(store.follow(fan, owner, Instant.now())).isEqualTo(FollowOutcome.ALREADY_REQUESTED);

    assertThat(store.counts(owner)).isEqualTo(Counts.ZERO);
    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, owner)).containsExactly(fan);
    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_OUT, fan)).containsExactly(owner);
    assertThat(between(fan, owner).requested()).isTrue();
    assertThat(between(owner, fan).requestedBy()).isTrue();
  }

  @Test
  void acceptingARequestMakesTheFollowAndAFriendshipIfMutual() {
    UserId owner = privateUser();
    UserId fan = newUser().id();
    store.follow(owner, fan, Instant.now());
    store.follow(fan, owner, Instant.now());

    assertThat(store.acceptRequest(owner, fan, Instant.now())).isTrue();
    assertThat(store.acceptRequest(owner, fan, Instant.now())).isFalse();

    assertThat(store.counts(owner)).isEqualTo(new Counts(1, 1, 1));
    assertThat(store.counts(fan)).isEqualTo(new Counts(1, 1, 1));
    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, owner)).isEmpty();
    assertThat(store.follow(fan, owner, Instant.now())).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
  }

  @Test
  void rejectingOrCancellingARequestRemovesIt() {
    UserId owner = privateUser();
    UserId rejected = newUser().id();
    UserId cancelling = newUser().id();
    store.follow(rejected, owner, Instant.now());
    store.follow(cancelling, owner, Instant.now());

    assertThat(store.rejectRequest(owner, rejected)).isTrue();
    assertThat(store.rejectRequest(owner, rejected)).isFalse();
    assertThat(store.unfollow(cancelling, owner)).as("unfollow cancels a pending request").isTrue();

    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, owner)).isEmpty();
    assertThat(store.counts(owner)).isEqualTo(Counts.ZERO);
  }

  @Test
  void goingPublicApprovesEveryPendingRequestWithExactCounts() {
    UserId owner = privateUser();
    List<UserId> fans = newUsers(600); // more than two approval chunks
    for (UserId fan : fans) {
      store.follow(fan, owner, Instant.now());
    }
    store.follow(owner, fans.getFirst(), Instant.now());

    store.updateUser(owner, ProfileUpdate.none().withPrivate(false));

    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, owner)).isEmpty();
    assertThat(store.counts(owner)).isEqualTo(new Counts(600, 1, 1));
    assertThat(GraphInvariants.readAll(store, EdgeList.FOLLOWERS, owner)).containsExactlyInAnyOrderElementsOf(fans);
    assertThat(store.follow(newUser().id(), owner, Instant.now())).isEqualTo(FollowOutcome.CREATED);
  }

  @Test
  void theCountOfOutgoingRequestsFollowsEveryWayARequestEnds() {
    UserId fan = newUser().id();
    List<UserId> owners = List.of(privateUser(), privateUser(), privateUser(), privateUser(), privateUser());
    for (UserId owner : owners) {
      assertThat(store.follow(fan, owner, Instant.now())).isEqualTo(FollowOutcome.REQUESTED);
    }
    store.follow(fan, owners.get(0), Instant.now()); // already requested: counted once
    assertThat(store.outgoingRequests(fan)).isEqualTo(5);
    assertThat(store.outgoingRequests(owners.get(0))).as("requests received are not counted").isZero();

    store.acceptRequest(owners.get(0), fan, Instant.now());
    assertThat(store.outgoingRequests(fan)).isEqualTo(4);
    store.rejectRequest(owners.get(1), fan);
    assertThat(store.outgoingRequests(fan)).isEqualTo(3);
    store.unfollow(fan, owners.get(2));
    assertThat(store.outgoingRequests(fan)).isEqualTo(2);
    store.block(owners.get(3), fan, Instant.now());
    assertThat(store.outgoingRequests(fan)).isEqualTo(1);
    store.updateUser(owners.get(4), ProfileUpdate.none().withPrivate(false));
    assertThat(store.outgoingRequests(fan)).isZero();
    assertThat(store.counts(fan).following()).isEqualTo(2);

    UserId doomed = privateUser();
    store.follow(fan, doomed, Instant.now());
    assertThat(store.outgoingRequests(fan)).isEqualTo(1);
    store.deleteUser(doomed);
    assertThat(store.outgoingRequests(fan)).as("a request to a deleted account").isZero();

    store.follow(fan, privateUser(), Instant.now());
    store.deleteUser(fan);
    assertThat(store.outgoingRequests(fan)).as("a deleted requester").isZero();
    assertThat(store.outgoingRequests(UserId.of(Long.MAX_VALUE))).as("an unknown user").isZero();
  }

  @Test
  void listsVisibilityIsStored() {
    UserId owner = newUser().id();

    User updated = store.updateUser(owner, ProfileUpdate.none().withListsVisibility(ListsVisibility.FRIENDS));

    assertThat(updated.listsVisibility()).isEqualTo(ListsVisibility.FRIENDS);
    assertThat(store.user(owner)).contains(updated);
  }

  @Test
  void aBlockSeversFollowsAndRequestsBothWaysInOneStep() {
    UserId blocker = newUser().id();
    UserId blocked = newUser().id();
    UserId privateOne = privateUser();
    store.follow(blocker, blocked, Instant.now());
    store.follow(blocked, blocker, Instant.now());
    store.follow(blocked, privateOne, Instant.now());
    store.follow(privateOne, blocked, Instant.now());

    assertThat(store.block(blocker, blocked, Instant.now())).isTrue();
    assertThat(store.block(blocker, blocked, Instant.now())).isFalse();
    assertThat(store.block(privateOne, blocked, Instant.now())).isTrue();

    assertThat(store.counts(blocker)).isEqualTo(Counts.ZERO);
    assertThat(store.counts(blocked)).isEqualTo(Counts.ZERO);
    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, privateOne)).isEmpty();
    assertThat(between(blocker, blocked).blocking()).isTrue();
    assertThat(between(blocked, blocker).blockedBy()).isTrue();
    assertThat(store.blockedEitherWay(blocked, List.of(blocker, privateOne, newUser().id())))
        .isEqualTo(Set.of(blocker, privateOne));
    assertThat(GraphInvariants.readAll(store, EdgeList.BLOCKING, blocker)).containsExactly(blocked);
  }

  @Test
  void aBlockForbidsFollowsAndRequestsEitherWayUntilLifted() {
    UserId blocker = newUser().id();
    UserId blocked = newUser().id();
    UserId privateBlocker = privateUser();
    store.block(blocker, blocked, Instant.now());
    store.block(privateBlocker, blocked, Instant.now());

    assertCode(() -> store.follow(blocked, blocker, Instant.now()), ErrorCode.BLOCKED);
    assertCode(() -> store.follow(blocker, blocked, Instant.now()), ErrorCode.BLOCKED);
    assertCode(() -> store.follow(blocked, privateBlocker, Instant.now()), ErrorCode.BLOCKED);

    assertThat(store.unblock(blocker, blocked)).isTrue();
    assertThat(store.unblock(blocker, blocked)).isFalse();
    assertThat(store.follow(blocked, blocker, Instant.now())).isEqualTo(FollowOutcome.CREATED);
  }

  @Test
  void blockingOrMutingAnUnknownUserIsNotFound() {
    UserId user = newUser().id();
    UserId ghost = unsavedUser("ghost_user").id();

    assertCode(() -> store.block(user, ghost, Instant.now()), ErrorCode.NOT_FOUND);
    assertCode(() -> store.mute(user, ghost, Instant.now(), null), ErrorCode.NOT_FOUND);
  }

  @Test
  void mutesExpireWithoutASweeperAndReMutingReplacesTheExpiry() {
    UserId muter = newUser().id();
    UserId muted = newUser().id();
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    Instant expiry = now.plus(Duration.ofHours(1));
    store.follow(muter, muted, now);

    store.mute(muter, muted, now, expiry);

    Relationship during = store.relationships(muter, List.of(muted), now.plusSeconds(60)).getFirst();
    assertThat(during.muting()).isTrue();
    assertThat(during.mutingExpiresAt()).isEqualTo(expiry);
    assertThat(during.following()).as("muting changes no edge").isTrue();
    assertThat(store.relationships(muter, List.of(muted), expiry).getFirst().muting()).isFalse();

    store.mute(muter, muted, now.plusSeconds(5), null);

    Relationship forever = store.relationships(muter, List.of(muted), now.plus(Duration.ofDays(999))).getFirst();
    assertThat(forever.muting()).isTrue();
    assertThat(forever.mutingExpiresAt()).isNull();
    assertThat(GraphInvariants.readAll(store, EdgeList.MUTING, muter)).containsExactly(muted);
    assertThat(store.unmute(muter, muted)).isTrue();
    assertThat(store.unmute(muter, muted)).isFalse();
    assertThat(GraphInvariants.readAll(store, EdgeList.MUTING, muter)).isEmpty();
    assertThat(store.counts(muter)).isEqualTo(new Counts(0, 1, 0));
  }

  @Test
  void deletingAUserRemovesItsRequestsBlocksAndMutesBothWays() {
    UserId doomed = privateUser();
    UserId other = privateUser();
    UserId third = newUser().id();
    store.follow(doomed, other, Instant.now());
    store.follow(third, doomed, Instant.now());
    store.block(third, doomed, Instant.now());
    UserId fourth = newUser().id();
    store.block(doomed, fourth, Instant.now());
    store.mute(fourth, doomed, Instant.now(), null);
    store.mute(doomed, third, Instant.now(), null);

    store.deleteUser(doomed);

    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, other)).isEmpty();
    assertThat(GraphInvariants.readAll(store, EdgeList.BLOCKING, third)).isEmpty();
    assertThat(GraphInvariants.readAll(store, EdgeList.MUTING, fourth)).isEmpty();
  }

  @Test
  void deletingAPrivateAccountRemovesTheRequestsSentToIt() {
    UserId doomed = privateUser();
    UserId requester = newUser().id();
    store.follow(requester, doomed, Instant.now());

    store.deleteUser(doomed);

    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, doomed)).isEmpty();
    assertThat(GraphInvariants.readAll(store, EdgeList.REQUESTS_OUT, requester)).isEmpty();
    assertThat(between(requester, doomed).requested()).isFalse();
  }

  @Test
  void rateWindowsCountPerBucketAndPrune() {
    store.addToWindow("logins", "alice", 100, 1);
    store.addToWindow("logins", "alice", 100, 1);
    store.addToWindow("logins", "alice", 102, 5);
    store.addToWindow("logins", "bob", 101, 7);
    store.addToWindow("signups", "alice", 101, 3);

    assertThat(store.windowCounts("logins", "alice", 99, 102)).containsExactly(0, 2, 0, 5);
    assertThat(store.windowCounts("logins", "bob", 101, 101)).containsExactly(7);

    store.pruneWindows("logins", 102);

    assertThat(store.windowCounts("logins", "alice", 99, 102)).containsExactly(0, 0, 0, 5);
    assertThat(store.windowCounts("logins", "bob", 101, 101)).containsExactly(0);
    assertThat(store.windowCounts("signups", "alice", 101, 101)).as("other limiters untouched").containsExactly(3);
  }
}
