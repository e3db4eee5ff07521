package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.ErrorCode;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
