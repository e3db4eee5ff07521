package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {
  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension();

  private static final int STABLE = 110;
  private static final int CHURN = 10;

  private static Account owner;
  private static final List<Account> stable = new ArrayList<>();
  private static final List<Account> leavers = new ArrayList<>();
  private static final List<Account> joiners = new ArrayList<>();

  private final TestApi api = server.api();

  @BeforeAll
  static void buildGraph() {
    TestApi api = server.api();
    owner = api.signUp();
    for (int i = 0; i < STABLE; i++) {
      Account follower = api.signUp();
      api.follow(follower, owner);
      stable.add(follower);
    }
    for (int i = 0; i < CHURN; i++) {
      Account leaver = api.signUp();
      api.follow(leaver, owner);
      leavers.add(leaver);
      joiners.add(api.signUp());
    }
  }

  /** Pages of the walk, each a list of ids, with the cursor each page handed on. */
  private record Page(List<String> ids, List<Instant> times, String next) {}

  private Page page(String path, String cursor) {
    Reply reply = api.get(path + (cursor == null ? "" : (path.contains("?") ? "&" : "?") + "cursor=" + cursor));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (JsonNode item : reply.json().get("items")) {
      ids.add(item.get("id").asText());
      times.add(Instant.parse(item.get("followed_at").asText()));
      assertThat(item.get("counts")).isNotNull();
    }
    JsonNode next = reply.json().get("next_cursor");
    assertThat(next).as("next_cursor is always present").isNotNull();
    return new Page(ids, times, next.isNull() ? null : next.asText());
  }

  @Test
  void walkWhileOthersFollowAndUnfollowNeitherRepeatsNorSkips() {
    String path = "/v1/users/" + owner.id() + "/followers?limit=25";
    List<String> seen = new ArrayList<>();
    Instant previous = Instant.MAX;
    String cursor = null;
    int churned = 0;
    int pages = 0;
    do {
      Page page = page(path, cursor);
      pages++;
      assertThat(page.ids()).hasSizeLessThanOrEqualTo(25);
      for (Instant time : page.times()) {
        assertThat(time).isBeforeOrEqualTo(previous);
        previous = time;
      }
      seen.addAll(page.ids());
      cursor = page.next();
      if (cursor != null) {
        assertThat(page.ids()).hasSize(25);
      }
      // Between pages, the graph moves: one follower leaves, one newcomer arrives.
      if (churned < CHURN) {
        assertThat(api.delete("/v1/me/following/" + owner.id(), leavers.get(churned).token()).status())
            .isEqualTo(204);
        api.follow(joiners.get(churned), owner);
        churned++;
      }
    } while (cursor != null);
    for (; churned < CHURN; churned++) {
      assertThat(api.delete("/v1/me/following/" + owner.id(), leavers.get(churned).token()).status())
          .isEqualTo(204);
      api.follow(joiners.get(churned), owner);
    }

    assertThat(pages).isGreaterThanOrEqualTo(5);
    assertThat(new HashSet<>(seen)).as("no duplicates").hasSize(seen.size());
    assertThat(seen).as("every follower present for the whole walk is seen")
        .containsAll(stable.stream().map(Account::id).toList());
    Set<String> allowed = new HashSet<>();
    for (List<Account> group : List.of(stable, leavers, joiners)) {
      group.forEach(a -> allowed.add(a.id()));
    }
    assertThat(allowed).containsAll(seen);
    // Newcomers followed after the walk had passed the newest entries, so none can appear.
    assertThat(seen).doesNotContainAnyElementsOf(joiners.stream().map(Account::id).toList());

    // After the churn: 110 stable + 10 joiners. With limit 40 the third page is the last, exactly.
    List<String> all = new ArrayList<>();
    String next = null;
    List<String> nexts = new ArrayList<>();
    do {
      Page page = page("/v1/users/" + owner.id() + "/followers?limit=40", next);
      all.addAll(page.ids());
      next = page.next();
      nexts.add(next);
    } while (next != null);
    assertThat(nexts).hasSize(3);
    assertThat(nexts.get(0)).isNotNull();
    assertThat(nexts.get(1)).isNotNull();
    assertThat(all).hasSize(STABLE + CHURN).doesNotHaveDuplicates();
    assertThat(all.subList(0, CHURN)).containsExactlyInAnyOrderElementsOf(
        joiners.stream().map(Account::id).collect(Collectors.toList()));
    assertThat(api.counts(owner)[0]).isEqualTo(STABLE + CHURN);
  }

  @Test
  void defaultLimitIsFifty() {
    Page page = page("/v1/users/" + owner.id() + "/followers", null);
    assertThat(page.ids()).hasSize(50);
    assertThat(page.next()).isNotNull();
  }

  @Test
  void followingListOfAFollowerShowsTheOwner() {
    Page page = page("/v1/users/" + stable.getFirst().id() + "/following", null);
    assertThat(page.ids()).containsExactly(owner.id());
    assertThat(page.next()).isNull();
  }

  @Test
  void emptyListHasNullCursor() {
    Reply reply = api.get("/v1/users/" + owner.id() + "/following");
    assertThat(reply.json().get("items")).isEmpty();
    assertThat(reply.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void cursorsOfAnotherListOrOwnerAreRefused() {
    String cursor = page("/v1/users/" + owner.id() + "/followers?limit=2", null).next();
    assertThat(cursor).isNotNull();

    Reply otherList = api.get("/v1/users/" + owner.id() + "/following?cursor=" + cursor);
    assertThat(otherList.status()).isEqualTo(400);
    assertThat(otherList.code()).isEqualTo("invalid_argument");
    assertThat(otherList.field()).isEqualTo("cursor");

    Reply otherOwner = api.get("/v1/users/" + stable.getFirst().id() + "/followers?cursor=" + cursor);
    assertThat(otherOwner.status()).isEqualTo(400);
    assertThat(otherOwner.field()).isEqualTo("cursor");

    Reply friends = api.get("/v1/users/" + owner.id() + "/friends?cursor=" + cursor);
    assertThat(friends.field()).isEqualTo("cursor");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "!!!!", "AAAA", "%20"})
  void malformedCursorsAreRefused(String cursor) {
    Reply reply = api.get("/v1/users/" + owner.id() + "/followers?cursor=" + cursor);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("cursor");
  }

  @Test
  void cursorOfAnUnknownVersionIsRefused() {
    String cursor = page("/v1/users/" + owner.id() + "/followers?limit=2", null).next();
    byte[] bytes = Base64.getUrlDecoder().decode(cursor);
    bytes[0] = 9;
    Reply reply = api.get("/v1/users/" + owner.id() + "/followers?cursor="
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("cursor");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", ""})
  void limitsOutOfRangeAreRefused(String limit) {
    Reply reply = api.get("/v1/users/" + owner.id() + "/followers?limit=" + limit);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.field()).isEqualTo("limit");
  }

  @Test
  void limitBoundsAreAccepted() {
    assertThat(page("/v1/users/" + owner.id() + "/followers?limit=1", null).ids()).hasSize(1);
    assertThat(page("/v1/users/" + owner.id() + "/followers?limit=100", null).ids()).hasSize(100);
  }

  @Test
  void listsOfUnknownUsersAreNotFound() {
    for (String list : List.of("followers", "following", "friends")) {
      Reply reply = api.get("/v1/users/999999999/" + list);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.code()).isEqualTo("not_found");
    }
    assertThat(api.get("/v1/users/nope/followers").field()).isEqualTo("id");
  }
}
