package io.kith.server;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import io.kith.store.tck.FaultyStore;
import io.kith.store.tck.GraphInvariants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real server over a real RocksDB store that fails on purpose ({@link FaultyStore}): temporary failures before
 * store calls and after applied writes. A client must see each call either succeed, with the answer it would get
 * without faults, or fail cleanly with {@code 503 unavailable} and {@code Retry-After}; never a 500. The server's
 * own retries make most calls succeed.
 */
class StoreFaultsTest {
  private static FaultyStore faulty;

  @RegisterExtension
  static final KithServerExtension server = KithServerExtension.wrappingStore(store -> {
    faulty = new FaultyStore(store, 20261201L, 0);
    return faulty;
  });

  private final TestApi api = server.api();
  private final Random random = new Random(7);
  private int succeeded;
  private int unavailable;

  /** Success with one of {@code expected}, or a clean 503; returns whether it succeeded. */
  private boolean check(Reply reply, String what, Integer... expected) {
    assertThat(reply.status()).as("%s: %s", what, reply).isNotEqualTo(500);
    if (reply.status() == 503) {
      assertThat(reply.code()).as("%s: %s", what, reply).isEqualTo("unavailable");
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.header("retry-after")).as("%s: %s", what, reply).isEqualTo("1");
      assertThat(reply.json().get("request_id").asText()).isNotBlank();
      assertThat(reply.body()).doesNotContain("injected").doesNotContain("Exception");
      unavailable++;
      return false;
    }
    assertThat(reply.status()).as("%s: %s", what, reply).isIn((Object[]) expected);
    succeeded++;
    return true;
  }

  @Test
  void clientsSeeSuccessOrACleanUnavailableAndRetriesMakeMostCallsSucceed() {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      accounts.add(api.signUp());
    }
    Set<Account> privateAccounts = Set.copyOf(accounts.subList(0, 3));
    privateAccounts.forEach(account -> api.setPrivate(account, true));
    /** (requester, owner) pairs whose request is known to be pending. */
    List<Account[]> pending = new ArrayList<>();

    faulty.setRate(0.15);
    for (int step = 0; step < 300; step++) {
      Account me = accounts.get(random.nextInt(accounts.size()));
      Account other = accounts.get(random.nextInt(accounts.size()));
      if (me.equals(other)) {
        continue;
      }
      switch (random.nextInt(9)) {
        case 0, 1 -> {
          Reply reply = api.put("/v1/me/following/" + other.id(), me.token());
          if (check(reply, "follow", 200)) {
            boolean isPrivate = privateAccounts.contains(other);
            String state = reply.json().get("state").asText();
            if (isPrivate) {
              // A request unless an acceptance made it a follow already.
              assertThat(state).isIn("requested", "following");
              if (state.equals("requested")
                  && pending.stream().noneMatch(p -> p[0].equals(me) && p[1].equals(other))) {
                pending.add(new Account[] {me, other});
              }
            } else {
              assertThat(state).isEqualTo("following");
            }
          }
        }
        case 2 -> {
          check(api.delete("/v1/me/following/" + other.id(), me.token()), "unfollow", 204);
          pending.removeIf(p -> p[0].equals(me) && p[1].equals(other));
        }
        case 3 -> {
          if (!pending.isEmpty()) {
            Account[] request = pending.remove(random.nextInt(pending.size()));
            String verb = random.nextBoolean() ? "accept" : "reject";
            check(api.post("/v1/me/follow-requests/" + request[0].id() + "/" + verb, request[1].token(), null),
                verb, 204);
            // Whether it applied or not, the next follow attempt tells; it is no longer known to be pending.
          }
        }
        case 4 -> {
          Reply reply = api.put("/v1/me/mutes/" + other.id(), me.token());
          check(reply, "mute", 200);
          check(api.delete("/v1/me/mutes/" + other.id(), me.token()), "unmute", 204);
        }
        case 5 -> check(api.get("/v1/users/" + other.id(), me.token()), "card", 200);
        case 6 -> check(api.get("/v1/relationships?ids=" + other.id() + "," + me.id(), me.token()),
            "relationships", 200);
        case 7 -> check(api.get("/v1/users/" + other.id() + "/followers?limit=5", me.token()), "followers",
            privateAccounts.contains(other) ? new Integer[] {200, 403} : new Integer[] {200});
        default -> {
          if (random.nextBoolean()) {
            check(api.post("/v1/accounts", null, json(fields("handle", TestApi.newHandle("late"),
                "password", TestApi.PASSWORD))), "sign up", 201);
          } else {
            check(api.post("/v1/sessions", null, json(fields("handle", me.handle(), "password", me.password()))),
                "log in", 200);
          }
        }
      }
    }
    long injected = faulty.injected();
    assertThat(faulty.failedBefore()).as("failures before calls").isPositive();
    assertThat(faulty.failedAfter()).as("failures after applied writes").isPositive();
    assertThat(injected).as("faults injected").isGreaterThan(3L * unavailable);
    assertThat(succeeded).as("calls that succeeded (%s unavailable)", unavailable)
        .isGreaterThan(9 * (succeeded + unavailable) / 10);

    // A store that fails nearly always: the failures reach the client, cleanly.
    faulty.setRate(0.9);
    int before = unavailable;
    for (int i = 0; i < 20; i++) {
      Account me = accounts.get(i % accounts.size());
      check(api.put("/v1/me/following/" + accounts.get((i + 1) % accounts.size()).id(), me.token()), "follow",
          200);
      check(api.get("/v1/users/" + me.id(), me.token()), "card", 200);
    }
    assertThat(unavailable - before).as("503s from a failing store").isPositive();

    faulty.setRate(0);
    List<UserId> ids = accounts.stream().map(a -> UserId.parse("id", a.id())).toList();
    GraphInvariants.assertHold(server.store(), new HashSet<>(ids));
  }
}
