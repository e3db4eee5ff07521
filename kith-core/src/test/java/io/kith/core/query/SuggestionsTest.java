package io.kith.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.query.Suggestions.Reason;
import io.kith.core.query.Suggestions.Suggestion;
import io.kith.core.spi.EdgeList;
import io.kith.core.testing.MemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mechanics of {@link Suggestions}: ranking, the order of the three sources, the caps on what one request
 * reads, and who is never suggested. (Which edges a viewer may see is the graph-query privacy rule, tested with
 * the real stores; every account here is public with lists visible to everyone.)
 */
class SuggestionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(10_000_000), ZoneOffset.UTC);

  private final MemoryStore store = new MemoryStore();
  private final PopularAccounts popular = new PopularAccounts(store, 10);
  private final Suggestions suggestions = new Suggestions(store, CLOCK, popular);
  private final UserId viewer = store.newUser();

  private List<UserId> ids(List<Suggestion> found) {
    return found.stream().map(Suggestion::id).toList();
  }

  @Test
  void friendsOfFriendsRankByHowManyFollowThemThenByRecencyThenById() {
    List<UserId> followed = store.newUsers(4);
    followed.forEach(f -> store.follow(viewer, f, 100));
    UserId three = store.newUser();
    UserId twoRecent = store.newUser();
    UserId twoOlder = store.newUser();
    UserId oneHigherId = store.newUser();
    UserId oneLowerId = store.newUser();
    store.follow(followed.get(0), three, 200);
    store.follow(followed.get(1), three, 201);
    store.follow(followed.get(2), three, 202);
    store.follow(followed.get(0), twoOlder, 300);
    store.follow(followed.get(1), twoOlder, 301);
    store.follow(followed.get(2), twoRecent, 300);
    store.follow(followed.get(3), twoRecent, 400);
    // Same count, same time: the lower id first (oneLowerId was created later, so it has the higher id).
    store.follow(followed.get(3), oneHigherId, 500);
    store.follow(followed.get(3), oneLowerId, 500);

    List<Suggestion> found = suggestions.suggest(viewer, 10);

    assertThat(ids(found)).containsExactly(three, twoRecent, twoOlder, oneHigherId, oneLowerId);
    assertThat(found).allMatch(s -> s.reason() == Reason.FOLLOWED_BY);
    assertThat(found.getFirst().count()).isEqualTo(3);
    assertThat(found.getFirst().sample()).containsExactlyInAnyOrderElementsOf(followed.subList(0, 3));
    assertThat(found.get(1).count()).isEqualTo(2);
  }

  @Test
  void theSampleNamesAtMostThreeOfTheFollowings() {
    List<UserId> followed = store.newUsers(5);
    UserId star = store.newUser();
    for (UserId f : followed) {
      store.follow(viewer, f, 100);
      store.follow(f, star, 200);
    }
    Suggestion found = suggestions.suggest(viewer, 5).getFirst();
    assertThat(found.id()).isEqualTo(star);
    assertThat(found.count()).isEqualTo(5);
    assertThat(found.sample()).hasSize(Suggestions.SAMPLE_IDS).isSubsetOf(followed);
  }

  @Test
  void followersNotFollowedBackComeAfterFriendsOfFriendsAndPopularAccountsLast() {
    UserId followed = store.newUser();
    UserId friendOfFriend = store.newUser();
    UserId follower = store.newUser();
    UserId star = store.newUser();
    store.follow(viewer, followed, 100);
    store.follow(followed, friendOfFriend, 200);
    store.follow(follower, viewer, 300);
    UserId bothWays = store.newUser(); // a friend of a friend who also follows the viewer: listed once, first reason
    store.follow(followed, bothWays, 150);
    store.follow(bothWays, viewer, 350);
    for (UserId fan : store.newUsers(3)) {
      store.follow(fan, star, 400);
    }
    popular.refresh();

    List<Suggestion> found = suggestions.suggest(viewer, 50);

    assertThat(found).extracting(Suggestion::id, Suggestion::reason).containsExactly(
        tuple(friendOfFriend, Reason.FOLLOWED_BY), tuple(bothWays, Reason.FOLLOWED_BY),
        tuple(follower, Reason.FOLLOWS_YOU), tuple(star, Reason.POPULAR));
    assertThat(found.getLast().count()).isEqualTo(3);
    // Accounts the viewer already follows are never suggested, however popular.
    assertThat(ids(found)).doesNotContain(viewer, followed);
  }

  @Test
  void neverSuggestsTheIneligibleAndStillFillsThePage() {
    UserId followed = store.newUser();
    store.follow(viewer, followed, 100);
    UserId blocked = store.newUser();
    UserId blocker = store.newUser();
    UserId muted = store.newUser();
    UserId dismissed = store.newUser();
    UserId hiddenAccount = store.newUser(false);
    List<UserId> eligible = store.newUsers(4);
    long at = 200;
    // The ineligible rank highest (followed most recently); the eligible ones must still fill the page.
    for (UserId candidate : eligible) {
      store.follow(followed, candidate, at++);
    }
    for (UserId candidate : List.of(blocked, blocker, muted, dismissed, hiddenAccount, viewer)) {
      store.follow(followed, candidate, at++);
    }
    store.block(viewer, blocked, Instant.ofEpochMilli(1));
    store.block(blocker, viewer, Instant.ofEpochMilli(1));
    store.mute(viewer, muted, Instant.ofEpochMilli(1), null);
    store.dismissSuggestion(viewer, dismissed, Instant.ofEpochMilli(1));

    assertThat(ids(suggestions.suggest(viewer, 4))).containsExactlyElementsOf(eligible.reversed());
    assertThat(ids(suggestions.suggest(viewer, 2))).containsExactlyElementsOf(eligible.reversed().subList(0, 2));
  }

  @Test
  void readsAtMostTheNewestFollowingsAndTheirNewestFollowings() {
    List<UserId> followed = store.newUsers(Suggestions.FOLLOWINGS_SAMPLED + 1);
    for (int i = 0; i < followed.size(); i++) {
      store.follow(viewer, followed.get(i), 1_000 + i); // followed.get(0) is the oldest
    }
    UserId onlyViaTheOldest = store.newUser();
    store.follow(followed.getFirst(), onlyViaTheOldest, 5_000);
    UserId prolific = followed.getLast();
    List<UserId> theirs = store.newUsers(Suggestions.PER_FOLLOWING_SAMPLED + 1);
    for (int i = 0; i < theirs.size(); i++) {
      store.follow(prolific, theirs.get(i), 2_000 + i); // theirs.get(0) is the oldest
    }
    store.clearPageReads();

    List<UserId> found = ids(suggestions.suggest(viewer, Suggestions.MAX_LIMIT));

    assertThat(found).doesNotContain(onlyViaTheOldest, theirs.getFirst())
        .containsAll(theirs.subList(1, Suggestions.MAX_LIMIT - 1));
    List<MemoryStore.PageRead> reads = store.pageReads();
    assertThat(reads).filteredOn(r -> r.owner().equals(viewer) && r.list() == EdgeList.FOLLOWING)
        .singleElement().extracting(MemoryStore.PageRead::limit).isEqualTo(Suggestions.FOLLOWINGS_SAMPLED);
    assertThat(reads).filteredOn(r -> !r.owner().equals(viewer))
        .hasSize(Suggestions.FOLLOWINGS_SAMPLED)
        .allMatch(r -> r.list() == EdgeList.FOLLOWING && r.limit() == Suggestions.PER_FOLLOWING_SAMPLED);
  }

  @Test
  void readsAtMostTheNewestFollowers() {
    List<UserId> followers = store.newUsers(Suggestions.FOLLOWERS_SAMPLED + 1);
    for (int i = 0; i < followers.size(); i++) {
      store.follow(followers.get(i), viewer, 1_000 + i); // followers.get(0) is the oldest
    }
    store.clearPageReads();

    List<UserId> found = ids(suggestions.suggest(viewer, Suggestions.MAX_LIMIT));

    assertThat(found).hasSize(Suggestions.MAX_LIMIT).doesNotContain(followers.getFirst());
    assertThat(found).containsExactlyElementsOf(followers.reversed().subList(0, Suggestions.MAX_LIMIT));
    assertThat(store.pageReads()).filteredOn(r -> r.list() == EdgeList.FOLLOWERS)
        .singleElement().extracting(MemoryStore.PageRead::limit).isEqualTo(Suggestions.FOLLOWERS_SAMPLED);
  }

  @Test
  void theLimitIsOneToFifty() {
    for (int limit : new int[] {0, -1, Suggestions.MAX_LIMIT + 1}) {
      assertThatThrownBy(() -> suggestions.suggest(viewer, limit))
          .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
  }
}
