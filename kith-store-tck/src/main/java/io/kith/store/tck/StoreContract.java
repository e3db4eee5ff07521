package io.kith.store.tck;

import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every contract: a fresh store per test and, after every test, the graph invariants over every user
 * the test created (as Caffeine validates its caches after each test).
 */
public abstract class StoreContract {
  private static final AtomicInteger HANDLES = new AtomicInteger();
  private static final IdGenerator IDS = IdGenerator.snowflake(7, Clock.systemUTC());

  protected KithStore store;
  private final List<UserId> created = Collections.synchronizedList(new ArrayList<>());

  /** A new, empty store. */
  protected abstract KithStore openStore();

  /**
   * The store holding the same data as the last one opened, which the test has closed: a restart of the process
   * or of the client.
   */
  protected abstract KithStore reopenStore();

  @BeforeEach
  void openFreshStore() {
    store = openStore();
  }

  @AfterEach
  void checkInvariantsAndClose() {
    try {
      GraphInvariants.assertHold(store, created);
    } finally {
      store.close();
    }
  }

  /** Closes the store and opens it again on the same data. */
  protected void restart() {
    store.close();
    store = reopenStore();
  }

  protected User newUser() {
    return newUser("user" + HANDLES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36));
  }

  protected User newUser(String handle) {
    User user = unsavedUser(handle);
    store.createUser(user, "$argon2id$test");
    return user;
  }

  protected User unsavedUser(String handle) {
    UserId id = IDS.next();
    created.add(id);
    return new User(id, new Handle(handle), "", "", null, false, Instant.now());
  }

  /** Checks the invariants over {@code ids} too after the test: users the test created other than by newUser. */
  protected void checkInvariantsOf(UserId... ids) {
    created.addAll(List.of(ids));
  }

  protected List<UserId> createdUsers() {
    return List.copyOf(created);
  }

  /** Creates {@code n} users. */
  protected List<UserId> newUsers(int n) {
    List<UserId> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(newUser().id());
    }
    return ids;
  }
}
