package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.UserId;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Sessions, found by the hash of their token. */
public abstract class SessionContract extends StoreContract {

  private static TokenHash randomHash() {
    byte[] bytes = new byte[TokenHash.LENGTH];
    ThreadLocalRandom.current().nextBytes(bytes);
    return TokenHash.of(bytes);
  }

  @Test
  void aSessionIsFoundByItsHashUntilDeleted() {
    UserId alice = newUser().id();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Session session = new Session(randomHash(), alice, now, now.plus(30, ChronoUnit.DAYS));

    store.createSession(session);

    assertThat(store.session(session.tokenHash())).contains(session);
    assertThat(store.session(randomHash())).isEmpty();
    assertThat(store.deleteSession(session.tokenHash())).isTrue();
    assertThat(store.deleteSession(session.tokenHash())).isFalse();
    assertThat(store.session(session.tokenHash())).isEmpty();
  }

  @Test
  void sessionsOfOneUserAreIndependent() {
    UserId alice = newUser().id();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Session phone = new Session(randomHash(), alice, now, now.plusSeconds(60));
    Session laptop = new Session(randomHash(), alice, now, now.plusSeconds(60));
    store.createSession(phone);
    store.createSession(laptop);

    store.deleteSession(phone.tokenHash());

    assertThat(store.session(laptop.tokenHash())).contains(laptop);
  }
}
