package io.kith.store.tck;

import static io.kith.store.tck.PageWalks.walk;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.ProfileUpdate;
import io.kith.core.UserId;
import io.kith.core.query.GraphQueries;
import io.kith.core.query.PopularAccounts;
import io.kith.core.query.Suggestions;
import io.kith.core.query.Suggestions.Reason;
import io.kith.core.query.Suggestions.Suggestion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known followers, mutual following, follow-back and suggestions over a real store. */
public abstract class GraphQueryContract extends StoreContract {
  private static final long T0 = 1_700_000_000_000L;

  private GraphQueries queries() {
    return new GraphQueries(store, Clock.systemUTC());
  }

  @Test
  void knownFollowersAreTheTargetsFollowersTheViewerFollowsNewestFirst() {
    UserId viewer = newUser().id();
    UserId target = newUser().id();
    List<UserId> fans = newUsers(12);
    for (int i = 0; i < fans.size(); i++) {
      store.follow(fans.get(i), target, Instant.ofEpochMilli(T0 + i));
      if (i % 3 == 0) {
        store.follow(viewer, fans.get(i), Instant.ofEpochMilli(T0 + 100 + i));
      }
    }
    UserId strangerIFollow = newUser().id();
    store.follow(viewer, strangerIFollow, Instant.ofEpochMilli(T0));

    List<UserId> known = walk(request -> queries().knownFollowers(viewer, target, request), 2);

    assertThat(known).containsExactly(fans.get(9), fans.get(6), fans.get(3), fans.get(0));
    GraphQueries.KnownFollowers summary = queries().knownFollowersSummary(viewer, target).orElseThrow();
    assertThat(summary.count()).isEqualTo(4);
    assertThat(summary.sample()).containsExactly(fans.get(9), fans.get(6), fans.get(3));
  }

  @Test
  void bothIntersectionPlansGiveTheSameAnswer() {
    // The viewer follows many accounts and the target has few followers (the target's list is walked), and the
    // other way round (the viewer's following is read whole): the answers must not depend on the plan.
    UserId bigViewer = newUser().id();
    UserId smallTarget = newUser().id();
    List<UserId> people = newUsers(30);
    for (int i = 0; i < people.size(); i++) {
      store.follow(bigViewer, people.get(i), Instant.ofEpochMilli(T0 + i));
      if (i % 4 == 0) {
        store.follow(people.get(i), smallTarget, Instant.ofEpochMilli(T0 + 50 + i));
      }
    }
    UserId smallViewer = newUser().id();
    store.follow(smallViewer, people.get(4), Instant.ofEpochMilli(T0));
    store.follow(smallViewer, people.get(5), Instant.ofEpochMilli(T0));

    assertThat(walk(r -> queries().knownFollowers(bigViewer, smallTarget, r), 3))
        .containsExactly(people.get(28), people.get(24), people.get(20), people.get(16), people.get(12),
            people.get(8), people.get(4), people.get(0));
    assertThat(walk(r -> queries().knownFollowers(smallViewer, smallTarget, r), 1)).containsExactly(people.get(4));
    assertThat(queries().knownFollowersSummary(bigViewer, smallTarget).orElseThrow().count()).isEqualTo(8);
  }

  @Test
  void knownFollowersLeaveOutMutedAccountsFromTheListAndTheCount() {
    UserId viewer = newUser().id();
    UserId target = newUser().id();
    List<UserId> fans = newUsers(5);
    for (UserId fan : fans) {
      store.follow(fan, target, Instant.now());
      store.follow(viewer, fan, Instant.now());
    }
    store.mute(viewer, fans.get(1), Instant.now(), null);

    assertThat(walk(r -> queries().knownFollowers(viewer, target, r), 10))
        .containsExactlyInAnyOrder(fans.get(0), fans.get(2), fans.get(3), fans.get(4));
    GraphQueries.KnownFollowers summary = queries().knownFollowersSummary(viewer, target).orElseThrow();
    assertThat(summary.count()).as("the count agrees with the list").isEqualTo(4);
    assertThat(summary.sample()).hasSize(3).doesNotContain(fans.get(1));
  }

  @Test
  void mutualFollowingIsWhatBothFollow() {
    UserId a = newUser().id();
    UserId b = newUser().id();
    List<UserId> people = newUsers(6);
    for (int i = 0; i < people.size(); i++) {
      store.follow(a, people.get(i), Instant.ofEpochMilli(T0 + i));
      if (i % 2 == 1) {
        store.follow(b, people.get(i), Instant.ofEpochMilli(T0 + i));
      }
    }
    UserId viewer = newUser().id();
    store.block(viewer, people.get(3), Instant.now());

    assertThat(walk(r -> queries().mutualFollowing(java.util.Optional.empty(), a, b, r), 2))
        .containsExactly(people.get(5), people.get(3), people.get(1));
    assertThat(walk(r -> queries().mutualFollowing(java.util.Optional.of(viewer), a, b, r), 2))
        .as("blocked accounts are left out for the viewer").containsExactly(people.get(5), people.get(1));
  }

  @Test
  void followBackListsFollowersNotFollowedBack() {
    UserId me = newUser().id();
    List<UserId> fans = newUsers(5);
    for (int i = 0; i < fans.size(); i++) {
      store.follow(fans.get(i), me, Instant.ofEpochMilli(T0 + i));
    }
    store.follow(me, fans.get(1), Instant.now());
    store.follow(me, fans.get(3), Instant.now());

    assertThat(walk(r -> queries().followBack(me, r), 1)).containsExactly(fans.get(4), fans.get(2), fans.get(0));
  }

  @Test
  void suggestionsRankFriendsOfFriendsThenFollowersThenPopularAndExcludeTheIneligible() {
    UserId viewer = newUser().id();
    List<UserId> friends = newUsers(3);
    UserId likedByTwo = newUser().id();
    UserId likedByOne = newUser().id();
    UserId blocked = newUser().id();
    UserId muted = newUser().id();
    UserId hidden = newUser().id();
    UserId dismissed = newUser().id();
    UserId fan = newUser().id();
    UserId star = newUser().id();
    for (UserId friend : friends) {
      store.follow(viewer, friend, Instant.now());
    }
    store.follow(friends.get(0), likedByTwo, Instant.now());
    store.follow(friends.get(1), likedByTwo, Instant.now());
    store.follow(friends.get(2), likedByOne, Instant.now());
    for (UserId unwanted : List.of(blocked, muted, hidden, dismissed)) {
      store.follow(friends.get(0), unwanted, Instant.now());
    }
    store.follow(friends.get(0), friends.get(1), Instant.now()); // already followed by the viewer
    store.follow(friends.get(1), viewer, Instant.now()); // the viewer itself
    store.block(blocked, viewer, Instant.now());
    store.mute(viewer, muted, Instant.now(), null);
    store.updateUser(hidden, ProfileUpdate.none().withDiscoverable(false));
    store.dismissSuggestion(viewer, dismissed, Instant.now());
    store.follow(fan, viewer, Instant.now());
    for (UserId user : List.of(likedByOne, fan, blocked)) {
      store.follow(user, star, Instant.now());
    }
    PopularAccounts popular = new PopularAccounts(store, 10);
    popular.refresh();

    List<Suggestion> suggestions = new Suggestions(store, Clock.systemUTC(), popular).suggest(viewer, 50);

    assertThat(suggestions).extracting(Suggestion::id).containsExactly(likedByTwo, likedByOne, fan, star);
    assertThat(suggestions.getFirst().reason()).isEqualTo(Reason.FOLLOWED_BY);
    assertThat(suggestions.getFirst().count()).isEqualTo(2);
    assertThat(suggestions.getFirst().sample()).containsExactlyInAnyOrder(friends.get(0), friends.get(1));
    assertThat(suggestions.get(2).reason()).isEqualTo(Reason.FOLLOWS_YOU);
    assertThat(suggestions.get(3).reason()).isEqualTo(Reason.POPULAR);
  }

  @Test
  void aNewUserWithNoGraphGetsPopularAccounts() {
    UserId newcomer = newUser().id();
    List<UserId> users = newUsers(4);
    store.follow(users.get(0), users.get(1), Instant.now());
    store.follow(users.get(2), users.get(1), Instant.now());
    store.follow(users.get(0), users.get(3), Instant.now());
    PopularAccounts popular = new PopularAccounts(store, 10);
    popular.refresh();

    List<Suggestion> suggestions = new Suggestions(store, Clock.systemUTC(), popular).suggest(newcomer, 10);

    assertThat(suggestions).extracting(Suggestion::id).containsExactly(users.get(1), users.get(3));
    assertThat(suggestions).extracting(Suggestion::reason).containsOnly(Reason.POPULAR);
  }
}
