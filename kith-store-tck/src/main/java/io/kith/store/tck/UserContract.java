package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.ErrorCode;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.IdGenerator;
import io.kith.core.UserId;
import io.kith.core.spi.NodeIdLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Users, handles, profiles and account deletion. */
public abstract class UserContract extends StoreContract {

  @Test
  void aCreatedUserIsFoundByIdAndByHandleInAnyCase() {
    User alice = newUser("alice");

    assertThat(store.user(alice.id())).contains(alice);
    assertThat(store.userByHandle(Handle.parse("handle", "ALICE"))).contains(alice);
    assertThat(store.passwordHash(alice.id())).contains("$argon2id$test");
  }

  @Test
  void aTakenHandleIsAConflictAndChangesNothing() {
    User alice = newUser("alice");
    User impostor = unsavedUser("Alice");

    assertThatThrownBy(() -> store.createUser(impostor, "$argon2id$other"))
        .isInstanceOfSatisfying(KithException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
          assertThat(e.field()).isEqualTo("handle");
        });

    assertThat(store.user(impostor.id())).isEmpty();
    assertThat(store.userByHandle(alice.handle())).contains(alice);
  }

  @Test
  void aTakenIdIsAConflictThatOverwritesNothingAndKeepsNoHandle() {
    User alice = newUser("alice");
    User sameId = new User(alice.id(), new Handle("bob"), "Bob", "", null, false, Instant.now());
    User sameIdAndHandle = new User(alice.id(), alice.handle(), "Eve", "", null, false, Instant.now());

    for (User other : List.of(sameId, sameIdAndHandle)) {
      assertThatThrownBy(() -> store.createUser(other, "$argon2id$other"))
          .isInstanceOfSatisfying(KithException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.field()).isIn("id", "handle");
          });
    }

    assertThat(store.user(alice.id())).contains(alice);
    assertThat(store.passwordHash(alice.id())).contains("$argon2id$test");
    assertThat(store.userByHandle(alice.handle())).contains(alice);
    assertThat(store.userByHandle(sameId.handle())).isEmpty();
    assertThat(newUser("bob").handle()).as("the refused user's handle is free").isEqualTo(sameId.handle());
  }

  @Test
  void nodeIdLeasesHeldAtOnceAreDistinctThoughAllPreferTheSameOne() throws Exception {
    int nodes = 4;
    int idsEach = 500;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    List<IdGenerator> generators = new ArrayList<>();
    try {
      List<Future<NodeIdLease>> leasing = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        leasing.add(pool.submit(() -> store.leaseNodeId(900, Clock.systemUTC())));
      }
      Set<Integer> nodeIds = new HashSet<>();
      for (Future<NodeIdLease> lease : leasing) {
        nodeIds.add(lease.get().grant().orElseThrow().nodeId());
        generators.add(IdGenerator.leased(lease.get(), Clock.systemUTC()));
      }
      assertThat(nodeIds).as("node ids leased at once").hasSize(nodes).contains(900);

      List<Future<List<UserId>>> issuing = new ArrayList<>();
      for (IdGenerator generator : generators) {
        issuing.add(pool.submit(() -> {
          List<UserId> ids = new ArrayList<>();
          for (int i = 0; i < idsEach; i++) {
            ids.add(generator.next());
          }
          return ids;
        }));
      }
      Set<UserId> all = new HashSet<>();
      for (Future<List<UserId>> ids : issuing) {
        all.addAll(ids.get());
      }
      assertThat(all).as("ids issued at once under every lease").hasSize(nodes * idsEach);
    } finally {
      generators.forEach(IdGenerator::close);
      pool.shutdownNow();
    }
  }

  @Test
  void aReleasedNodeIdIsLeasedAgainOnlyPastTheIdsIssuedUnderIt() {
    // The first holder's clock runs an hour ahead: the next holder, on true time, must still not reuse its ids.
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
    NodeIdLease first = store.leaseNodeId(950, ahead);
    assertThat(first.grant().orElseThrow().nodeId()).isEqualTo(950);
    IdGenerator firstIds = IdGenerator.leased(first, ahead);
    List<UserId> issued = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      issued.add(firstIds.next());
    }
    NodeIdLease meanwhile = store.leaseNodeId(950, Clock.systemUTC());
    NodeIdLease.Grant other = meanwhile.grant().orElseThrow();
    assertThat(other.nodeId()).as("the preferred id while it is held").isNotEqualTo(950);
    meanwhile.release(other.fromMillis());
    firstIds.close();
    assertThat(first.grant()).as("a released lease grants nothing").isEmpty();

    NodeIdLease second = store.leaseNodeId(950, Clock.systemUTC());
    IdGenerator secondIds = IdGenerator.leased(second, Clock.systemUTC());
    try {
      assertThat(second.grant().orElseThrow().nodeId()).as("the preferred id, free again").isEqualTo(950);
      UserId next = secondIds.next();
      assertThat(next).as("the new holder's first id").isGreaterThan(issued.getLast());
    } finally {
      secondIds.close();
    }
  }

  @Test
  void usersAreReturnedInTheOrderAskedLeavingOutUnknownOnes() {
    User a = newUser();
    User b = newUser();
    UserId unknown = unsavedUser("not_saved").id();

    assertThat(store.users(List.of(b.id(), unknown, a.id(), b.id()))).containsExactly(b, a, b);
    assertThat(store.users(List.of())).isEmpty();
  }

  @Test
  void profileUpdatesKeepFieldsNotMentioned() {
    User alice = newUser("alice");

    User updated = store.updateUser(alice.id(), ProfileUpdate.none()
        .withDisplayName("Alice A.").withBio("hello").withAvatarUrl("https://cdn.example/a.png").withPrivate(true));
    User again = store.updateUser(alice.id(), ProfileUpdate.none().withBio("second"));

    assertThat(updated.displayName()).isEqualTo("Alice A.");
    assertThat(again).isEqualTo(new User(alice.id(), alice.handle(), "Alice A.", "second",
        "https://cdn.example/a.png", true, alice.createdAt()));
    assertThat(store.user(alice.id())).contains(again);
    assertThat(store.updateUser(alice.id(), ProfileUpdate.none().withAvatarUrl(null)).avatarUrl()).isNull();
  }

  @Test
  void changingTheHandleFreesTheOldOne() {
    User alice = newUser("alice");

    store.updateUser(alice.id(), ProfileUpdate.none().withHandle(new Handle("alice2")));

    assertThat(store.userByHandle(new Handle("alice"))).isEmpty();
    assertThat(store.userByHandle(new Handle("alice2"))).map(User::id).contains(alice.id());
    User newcomer = newUser("alice");
    assertThat(store.userByHandle(new Handle("alice"))).contains(newcomer);
  }

  @Test
  void changingToATakenHandleIsAConflictAndChangesNothing() {
    User alice = newUser("alice");
    User bob = newUser("bob");

    assertThatThrownBy(() -> store.updateUser(bob.id(), ProfileUpdate.none().withHandle(new Handle("alice"))
        .withBio("should not be saved")))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

    assertThat(store.user(bob.id())).contains(bob);
    assertThat(store.userByHandle(new Handle("alice"))).contains(alice);
  }

  @Test
  void keepingTheSameHandleIsNotAConflict() {
    User alice = newUser("alice");

    User updated = store.updateUser(alice.id(), ProfileUpdate.none().withHandle(new Handle("ALICE")).withBio("x"));

    assertThat(updated.bio()).isEqualTo("x");
    assertThat(store.userByHandle(new Handle("alice"))).contains(updated);
  }

  @Test
  void updatingAnUnknownUserIsNotFound() {
    UserId ghost = unsavedUser("ghost").id();

    assertThatThrownBy(() -> store.updateUser(ghost, ProfileUpdate.none().withBio("x")))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void existenceChecksFollowCreatesDeletesAndRestarts() {
    User a = newUser();
    User b = newUser();
    UserId unknown = unsavedUser("not_saved_either").id();
    assertThat(store.existingUsers(List.of(b.id(), unknown, a.id(), b.id()))).containsExactly(b.id(), a.id(), b.id());

    store.deleteUser(a.id());
    assertThat(store.existingUsers(List.of(a.id(), b.id()))).containsExactly(b.id());
    restart();
    assertThat(store.existingUsers(List.of(a.id(), b.id(), unknown))).containsExactly(b.id());
    assertThat(store.existingUsers(List.of())).isEmpty();
  }

  @Test
  void deletingAUserFreesItsHandle() {
    User alice = newUser("alice");

    assertThat(store.deleteUser(alice.id())).isTrue();

    assertThat(store.user(alice.id())).isEmpty();
    assertThat(store.userByHandle(new Handle("alice"))).isEmpty();
    assertThat(store.passwordHash(alice.id())).isEmpty();
    User newcomer = newUser("alice");
    assertThat(store.userByHandle(new Handle("alice"))).contains(newcomer);
  }

  @Test
  void scanningUsersVisitsEachOnceInIdOrder() {
    List<UserId> ids = newUsers(25);

    List<UserId> seen = new ArrayList<>();
    Optional<UserId> after = Optional.empty();
    while (true) {
      List<User> page = store.scanUsers(after, 7);
      if (page.isEmpty()) {
        break;
      }
      page.forEach(user -> seen.add(user.id()));
      after = Optional.of(page.getLast().id());
    }

    assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
  }
}
