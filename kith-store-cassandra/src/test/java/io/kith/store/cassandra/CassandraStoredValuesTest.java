package io.kith.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.kith.core.Handle;
import io.kith.core.ListsVisibility;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.testing.cassandra.CassandraAvailable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values Kith writes into Cassandra columns as text, pinned: rows already in a keyspace keep their meaning whatever
 * the Java enums are called or in which order they are declared.
 */
@ExtendWith(CassandraAvailable.class)
class CassandraStoredValuesTest {
  private static final String KEYSPACE = "stored_values";
  private static final Map<ListsVisibility, String> STORED = new LinkedHashMap<>();

  static {
    STORED.put(ListsVisibility.EVERYONE, "EVERYONE");
    STORED.put(ListsVisibility.FOLLOWERS, "FOLLOWERS");
    STORED.put(ListsVisibility.FRIENDS, "FRIENDS");
    STORED.put(ListsVisibility.ONLY_ME, "ONLY_ME");
  }

  private KithStore store;

  @BeforeEach
  void open() {
    store = SharedCluster.fresh(KEYSPACE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void listsVisibilityIsStoredAsItsPinnedText() {
    assertThat(STORED.keySet()).containsExactlyInAnyOrder(ListsVisibility.values());
    User user = new User(UserId.of(915_130_509_149_863_936L), new Handle("ada"), "", "", null, false,
        Instant.ofEpochMilli(1_764_000_000_123L));
    store.createUser(user, "$argon2id$test");
    CqlSession session = SharedCluster.session();
    for (Map.Entry<ListsVisibility, String> entry : STORED.entrySet()) {
      store.updateUser(user.id(), ProfileUpdate.none().withListsVisibility(entry.getKey()));
      assertThat(session.execute(SimpleStatement.newInstance(
          "SELECT lists_visibility FROM " + KEYSPACE + ".users WHERE id = ?", user.id().value())).one().getString(0))
          .as("stored text of %s", entry.getKey()).isEqualTo(entry.getValue());
    }
    // Rows written by an earlier Kith read back as what they said.
    for (Map.Entry<ListsVisibility, String> entry : STORED.entrySet()) {
      session.execute(SimpleStatement.newInstance("UPDATE " + KEYSPACE + ".users SET lists_visibility = ? WHERE id = ?",
          entry.getValue(), user.id().value()));
      assertThat(store.user(user.id()).orElseThrow().listsVisibility()).isEqualTo(entry.getKey());
    }
  }
}
