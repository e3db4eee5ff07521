package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keyset paging: order, page bounds, the end of a list, and walks while the list changes. */
public abstract class PagingContract extends StoreContract {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void listsAreNewestFirst() {
    UserId star = newUser().id();
    List<UserId> fans = newUsers(3);
    store.follow(fans.get(0), star, Instant.ofEpochMilli(T0 + 10));
    store.follow(fans.get(1), star, Instant.ofEpochMilli(T0 + 30));
    store.follow(fans.get(2), star, Instant.ofEpochMilli(T0 + 20));

    assertThat(store.edges(EdgeList.FOLLOWERS, star, PageRequest.first(10)).edges()).containsExactly(
        new Edge(fans.get(1), Instant.ofEpochMilli(T0 + 30)),
        new Edge(fans.get(2), Instant.ofEpochMilli(T0 + 20)),
        new Edge(fans.get(0), Instant.ofEpochMilli(T0 + 10)));
  }

  @Test
  void nextIsEmptyExactlyWhenNothingFollows() {
    UserId star = newUser().id();
    List<UserId> fans = newUsers(4);
    for (int i = 0; i < fans.size(); i++) {
      store.follow(fans.get(i), star, Instant.ofEpochMilli(T0 + i));
    }

    EdgePage first = store.edges(EdgeList.FOLLOWERS, star, PageRequest.first(2));
    EdgePage second = store.edges(EdgeList.FOLLOWERS, star, PageRequest.after(first.next().orElseThrow(), 2));
    EdgePage whole = store.edges(EdgeList.FOLLOWERS, star, PageRequest.first(4));
    EdgePage empty = store.edges(EdgeList.FOLLOWERS, newUser().id(), PageRequest.first(4));

    assertThat(first.edges()).extracting(Edge::other).containsExactly(fans.get(3), fans.get(2));
    assertThat(second.edges()).extracting(Edge::other).containsExactly(fans.get(1), fans.get(0));
    assertThat(second.next()).isEmpty();
    assertThat(whole.edges()).hasSize(4);
    assertThat(whole.next()).as("a page that ends exactly at the end has no next").isEmpty();
    assertThat(empty.edges()).isEmpty();
    assertThat(empty.next()).isEmpty();
  }

  @Test
  void pagesStayWithinTheirOwner() {
    List<UserId> users = newUsers(3);
    store.follow(users.get(0), users.get(1), Instant.ofEpochMilli(T0));
    store.follow(users.get(2), users.get(1), Instant.ofEpochMilli(T0));
    store.follow(users.get(0), users.get(2), Instant.ofEpochMilli(T0));

    assertThat(store.edges(EdgeList.FOLLOWING, users.get(0), PageRequest.first(10)).edges()).hasSize(2);
    assertThat(store.edges(EdgeList.FOLLOWING, users.get(1), PageRequest.first(10)).edges()).isEmpty();
    assertThat(store.edges(EdgeList.FOLLOWERS, users.get(2), PageRequest.first(10)).edges()).hasSize(1);
  }

  @Test
  void followsInTheSameMillisecondPageWithoutLossOrRepeat() {
    UserId star = newUser().id();
    List<UserId> fans = newUsers(50);
    for (UserId fan : fans) {
      store.follow(fan, star, Instant.ofEpochMilli(T0));
    }

    List<UserId> walked = walk(star, 7, () -> {});

    assertThat(walked).hasSize(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fans);
  }

  @Test
  void aWalkWhileOthersFollowAndUnfollowNeverRepeatsAndNeverSkipsStableItems() {
    UserId star = newUser().id();
    List<UserId> fans = newUsers(120);
    for (int i = 0; i < fans.size(); i++) {
      store.follow(fans.get(i), star, Instant.ofEpochMilli(T0 + i));
    }
    List<UserId> newcomers = newUsers(20);
    Set<UserId> removed = new HashSet<>();
    int[] step = {0};

    List<UserId> walked = walk(star, 10, () -> {
      int i = step[0]++;
      if (i < newcomers.size()) {
        store.follow(newcomers.get(i), star, Instant.ofEpochMilli(T0 + 1_000 + i));
      }
      // Remove one fan near the start (already walked past) and one near the end (not yet reached).
      UserId early = fans.get(fans.size() - 1 - i);
      UserId late = fans.get(i);
      store.unfollow(early, star);
      store.unfollow(late, star);
      removed.add(early);
      removed.add(late);
    });

    assertThat(walked).doesNotHaveDuplicates();
    List<UserId> stable = fans.stream().filter(fan -> !removed.contains(fan)).toList();
    assertThat(walked).containsAll(stable);
    assertThat(walked).doesNotContainAnyElementsOf(newcomers);
  }

  private List<UserId> walk(UserId owner, int pageSize, Runnable betweenPages) {
    List<UserId> walked = new ArrayList<>();
    EdgePage page = store.edges(EdgeList.FOLLOWERS, owner, PageRequest.first(pageSize));
    while (true) {
      page.edges().forEach(edge -> walked.add(edge.other()));
      if (page.next().isEmpty()) {
        return walked;
      }
      betweenPages.run();
      page = store.edges(EdgeList.FOLLOWERS, owner, PageRequest.after(page.next().get(), pageSize));
    }
  }
}
