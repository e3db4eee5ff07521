package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.PermanentStoreException;
import io.kith.core.spi.StoreException;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What was acknowledged before a clean restart is all there after it. */
public abstract class DurabilityContract extends StoreContract {

  @Test
  void acknowledgedWritesSurviveARestart() {
    User alice = newUser("alice");
    List<UserId> others = newUsers(3);
    store.follow(alice.id(), others.get(0), Instant.now());
    store.follow(others.get(0), alice.id(), Instant.now());
    store.follow(others.get(1), alice.id(), Instant.now());
    store.follow(alice.id(), others.get(2), Instant.now());
    store.unfollow(alice.id(), others.get(2));
    User updated = store.updateUser(alice.id(), ProfileUpdate.none().withBio("persisted"));
    store.deleteUser(others.get(2));

    restart();

    assertThat(store.user(alice.id())).contains(updated);
    assertThat(store.user(others.get(2))).isEmpty();
    assertThat(store.counts(alice.id())).isEqualTo(new Counts(2, 1, 1));
    assertThat(GraphInvariants.readAll(store, EdgeList.FOLLOWERS, alice.id()))
        .containsExactlyInAnyOrder(others.get(0), others.get(1));
  }

  @Test
  void aClosedStoreRefusesCallsWithAPermanentError() {
    UserId alice = newUser().id();
    store.close();

    Assertions.assertThatThrownBy(() -> store.user(alice))
        .isInstanceOf(StoreException.class)
        .isInstanceOf(PermanentStoreException.class);

    store = reopenStore();
  }
}
