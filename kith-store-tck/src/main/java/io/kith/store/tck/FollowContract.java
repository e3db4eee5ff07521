package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Counts;
import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.FollowOutcome;
import io.kith.core.spi.PageRequest;
import io.kith.core.spi.WindowCharge;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Follow, unfollow, friends, counts and relationships. */
public abstract class FollowContract extends StoreContract {

  @Test
  void followWritesBothEdgesAndBothCounts() {
    UserId alice = newUser().id();
    UserId bob = newUser().id();

    assertThat(store.follow(alice, bob, Instant.now())).isEqualTo(FollowOutcome.CREATED);

    assertThat(store.counts(alice)).isEqualTo(new Counts(0, 1, 0));
    assertThat(store.counts(bob)).isEqualTo(new Counts(1, 0, 0));
    assertThat(GraphInvariants.readAll(store, EdgeList.FOLLOWING, alice)).containsExactly(bob);
    assertThat(GraphInvariants.readAll(store, EdgeList.FOLLOWERS, bob)).containsExactly(alice);
    assertThat(store.relationships(alice, List.of(bob), Instant.now())).containsExactly(Relationship.follows(bob, true, false));
    assertThat(store.relationships(bob, List.of(alice), Instant.now())).containsExactly(Relationship.follows(alice, false, true));
  }

  @Test
  void followIsIdempotent() {
    UserId alice = newUser().id();
    UserId bob = newUser().id();
    Instant first = Instant.ofEpochMilli(1_700_000_000_000L);
    store.follow(alice, bob, first);

    assertThat(store.follow(alice, bob, first.plusSeconds(60))).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);

    assertThat(store.counts(alice)).isEqualTo(new Counts(0, 1, 0));
    assertThat(store.counts(bob)).isEqualTo(new Counts(1, 0, 0));
    assertThat(store.edges(EdgeList.FOLLOWERS, bob, PageRequest.first(10)).edges())
        .singleElement().satisfies(edge -> assertThat(edge.at()).isEqualTo(first));
  }

  @Test
  void unfollowRemovesTheEdgeAndIsIdempotent() {
    UserId alice = newUser().id();
    UserId bob = newUser().id();
    store.follow(alice, bob, Instant.now());

    assertThat(store.unfollow(alice, bob)).isTrue();
    assertThat(store.unfollow(alice, bob)).isFalse();

    assertThat(store.counts(alice)).isEqualTo(Counts.ZERO);
    assertThat(store.counts(bob)).isEqualTo(Counts.ZERO);
    assertThat(store.relationships(alice, List.of(bob), Instant.now())).containsExactly(Relationship.follows(bob, false, false));
  }

  @Test
  void unfollowingSomeoneNeverFollowedChangesNothing() {
    UserId alice = newUser().id();
    UserId bob = newUser().id();
    store.follow(bob, alice, Instant.now());

    assertThat(store.unfollow(alice, bob)).isFalse();

    assertThat(store.counts(alice)).isEqualTo(new Counts(1, 0, 0));
    assertThat(store.counts(bob)).isEqualTo(new Counts(0, 1, 0));
  }

  @Test
  void aUserCannotFollowThemselves() {
    UserId alice = newUser().id();

    assertThatThrownBy(() -> store.follow(alice, alice, Instant.now()))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));

    assertThat(store.counts(alice)).isEqualTo(Counts.ZERO);
  }

  @Test
  void noRelationOfAUserWithThemselvesIsMadeOrUndone() {
    UserId alice = newUser().id();

    for (Runnable refused : List.<Runnable>of(
        () -> store.block(alice, alice, Instant.now()),
        () -> store.mute(alice, alice, Instant.now(), null))) {
      assertThatThrownBy(refused::run).isInstanceOfSatisfying(KithException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
    assertThat(store.unfollow(alice, alice)).isFalse();
    assertThat(store.unblock(alice, alice)).isFalse();
    assertThat(store.unmute(alice, alice)).isFalse();
    assertThat(store.acceptRequest(alice, alice, Instant.now())).isFalse();
    assertThat(store.rejectRequest(alice, alice)).isFalse();
    assertThat(store.relationships(alice, List.of(alice), Instant.now()).getFirst())
        .isEqualTo(Relationship.follows(alice, false, false));
  }

  @Test
  void followingAnUnknownUserIsNotFoundAndWritesNothing() {
    UserId alice = newUser().id();
    UserId ghost = unsavedUser("ghost_user").id();

    assertThatThrownBy(() -> store.follow(alice, ghost, Instant.now()))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> store.follow(ghost, alice, Instant.now()))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

    assertThat(store.counts(alice)).isEqualTo(Counts.ZERO);
    assertThat(store.counts(ghost)).isEqualTo(Counts.ZERO);
  }

  @Test
  void aFollowAppliesItsWindowChargesOnlyWhenItCreatesSomething() {
    UserId alice = newUser().id();
    UserId bob = newUser().id();
    UserId shy = newUser().id();
    store.updateUser(shy, ProfileUpdate.none().withPrivate(true));
    UserId ghost = unsavedUser("ghost_charged").id();
    String subject = alice.toString();
    List<WindowCharge> charges =
        List.of(new WindowCharge("tck_day", subject, 7, 1), new WindowCharge("tck_minute", subject, 9, 1));

    assertThat(store.follow(alice, bob, Instant.now(), charges)).isEqualTo(FollowOutcome.CREATED);
    assertThat(store.follow(alice, shy, Instant.now(), charges)).isEqualTo(FollowOutcome.REQUESTED);
    // Nothing created, nothing counted: a repeat, a repeated request, a refused follow.
    assertThat(store.follow(alice, bob, Instant.now(), charges)).isEqualTo(FollowOutcome.ALREADY_FOLLOWING);
    assertThat(store.follow(alice, shy, Instant.now(), charges)).isEqualTo(FollowOutcome.ALREADY_REQUESTED);
    assertThatThrownBy(() -> store.follow(alice, ghost, Instant.now(), charges))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

    assertThat(store.windowCounts("tck_day", subject, 7, 7)).containsExactly(2);
    assertThat(store.windowCounts("tck_minute", subject, 9, 9)).containsExactly(2);
  }

  @Test
  void mutualFollowsMakeFriendsAndBreakingOneEndsTheFriendship() {
    UserId alice = newUser().id();
    UserId bob = newUser().id();
    store.follow(alice, bob, Instant.ofEpochMilli(1_700_000_000_000L));
    store.follow(bob, alice, Instant.ofEpochMilli(1_700_000_005_000L));

    assertThat(store.counts(alice)).isEqualTo(new Counts(1, 1, 1));
    assertThat(store.counts(bob)).isEqualTo(new Counts(1, 1, 1));
    assertThat(store.edges(EdgeList.FRIENDS, alice, PageRequest.first(10)).edges())
        .singleElement().satisfies(edge -> {
          assertThat(edge.other()).isEqualTo(bob);
          assertThat(edge.at()).as("a friendship starts with the second follow")
              .isEqualTo(Instant.ofEpochMilli(1_700_000_005_000L));
        });
    assertThat(store.relationships(alice, List.of(bob), Instant.now()).getFirst().friend()).isTrue();

    store.unfollow(alice, bob);

    assertThat(store.counts(alice)).isEqualTo(new Counts(1, 0, 0));
    assertThat(store.counts(bob)).isEqualTo(new Counts(0, 1, 0));
    assertThat(GraphInvariants.readAll(store, EdgeList.FRIENDS, alice)).isEmpty();
    assertThat(GraphInvariants.readAll(store, EdgeList.FRIENDS, bob)).isEmpty();
  }

  @Test
  void relationshipsAnswerInTheOrderAskedWithDuplicatesAndUnknowns() {
    UserId viewer = newUser().id();
    UserId followed = newUser().id();
    UserId follower = newUser().id();
    UserId friend = newUser().id();
    UserId unknown = unsavedUser("nobody_here").id();
    store.follow(viewer, followed, Instant.now());
    store.follow(follower, viewer, Instant.now());
    store.follow(viewer, friend, Instant.now());
    store.follow(friend, viewer, Instant.now());

    assertThat(store.relationships(viewer, List.of(friend, unknown, followed, follower, followed), Instant.now()))
        .containsExactly(
            Relationship.follows(friend, true, true),
            Relationship.follows(unknown, false, false),
            Relationship.follows(followed, true, false),
            Relationship.follows(follower, false, true),
            Relationship.follows(followed, true, false));
  }

  @Test
  void countsOfAnUnknownUserAreZero() {
    assertThat(store.counts(unsavedUser("never_saved").id())).isEqualTo(Counts.ZERO);
  }

  @Test
  void countsForManyUsersMatchOneByOne() {
    List<UserId> users = newUsers(5);
    for (int i = 1; i < users.size(); i++) {
      store.follow(users.get(i), users.getFirst(), Instant.now());
      store.follow(users.getFirst(), users.get(i), Instant.now());
    }
    store.follow(users.get(1), users.get(2), Instant.now());

    var counts = store.counts(users);
    for (UserId user : users) {
      assertThat(counts.get(user)).isEqualTo(store.counts(user));
    }
    assertThat(counts.get(users.getFirst())).isEqualTo(new Counts(4, 4, 4));
    assertThat(store.scanCounts(users)).isEqualTo(counts);
  }

  @Test
  void deletingAUserRemovesEveryEdgeAndFixesEveryCount() {
    UserId doomed = newUser().id();
    List<UserId> others = newUsers(4);
    store.follow(doomed, others.get(0), Instant.now());
    store.follow(doomed, others.get(1), Instant.now());
    store.follow(others.get(1), doomed, Instant.now());
    store.follow(others.get(2), doomed, Instant.now());
    store.follow(others.get(3), others.get(0), Instant.now());

    assertThat(store.deleteUser(doomed)).isTrue();
    assertThat(store.deleteUser(doomed)).isFalse();

    assertThat(store.user(doomed)).isEmpty();
    assertThat(store.counts(others.get(0))).isEqualTo(new Counts(1, 0, 0));
    assertThat(store.counts(others.get(1))).isEqualTo(Counts.ZERO);
    assertThat(store.counts(others.get(2))).isEqualTo(Counts.ZERO);
    assertThat(store.counts(others.get(3))).isEqualTo(new Counts(0, 1, 0));
    assertThatThrownBy(() -> store.follow(others.get(0), doomed, Instant.now()))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void deletingAUserWithMoreEdgesThanOneBatchRemovesThemAll() {
    UserId doomed = newUser().id();
    List<UserId> fans = newUsers(700);
    for (int i = 0; i < fans.size(); i++) {
      store.follow(fans.get(i), doomed, Instant.now());
      if (i % 2 == 0) {
        store.follow(doomed, fans.get(i), Instant.now());
      }
    }
    assertThat(store.counts(doomed)).isEqualTo(new Counts(700, 350, 350));

    store.deleteUser(doomed);

    assertThat(store.counts(fans)).allSatisfy((fan, counts) -> assertThat(counts).isEqualTo(Counts.ZERO));
  }
}
