package io.kith.store.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.Handle;
import io.kith.core.ListsVisibility;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * User records as today's codec writes them, byte for byte: every data directory holds such records, so a change of
 * the encoding (such as a reordered enum) must make these literals fail, not silently change what stored users mean.
 */
class UserRecordBytesTest {
  private static final UserId ID = UserId.of(915_130_509_149_863_936L);
  private static final String HASH = "$argon2id$x";
  private static final String PREFIX = "030cb332597900000000036164610005416461204c000662696f20c3a9";
  private static final String AVATAR = "01001968747470733a2f2f6578616d706c652e6f72672f612e706e67";
  private static final String SUFFIX = "0000019ab697e87b000b246172676f6e3269642478";
  /** Version 3, id, handle, display name, bio, avatar, private, lists visibility code, discoverable, time, hash. */
  private static final Map<ListsVisibility, String> RECORDS = Map.of(
      ListsVisibility.EVERYONE, PREFIX + AVATAR + "00" + "00" + "01" + SUFFIX,
      ListsVisibility.FOLLOWERS, PREFIX + AVATAR + "01" + "01" + "01" + SUFFIX,
      ListsVisibility.FRIENDS, PREFIX + "00" + "00" + "02" + "01" + SUFFIX,
      ListsVisibility.ONLY_ME, PREFIX + AVATAR + "00" + "03" + "00" + SUFFIX);

  /** Varies the other fields with the visibility so each record pins a different combination. */
  private static User user(ListsVisibility visibility) {
    return new User(ID, new Handle("ada"), "Ada L", "bio é",
        visibility == ListsVisibility.FRIENDS ? null : "https://example.org/a.png",
        visibility == ListsVisibility.FOLLOWERS, visibility, visibility != ListsVisibility.ONLY_ME,
        Instant.ofEpochMilli(1_764_000_000_123L));
  }

  @ParameterizedTest
  @EnumSource(ListsVisibility.class)
  void todaysRecordsDecodeToTheSameUser(ListsVisibility visibility) {
    Codec.UserRecord record = Codec.user(HexFormat.of().parseHex(RECORDS.get(visibility)));
    assertThat(record.user()).isEqualTo(user(visibility));
    assertThat(record.passwordHash()).isEqualTo(HASH);
  }

  @ParameterizedTest
  @EnumSource(ListsVisibility.class)
  void usersStillEncodeToTodaysBytes(ListsVisibility visibility) {
    assertThat(HexFormat.of().formatHex(Codec.user(user(visibility), HASH))).isEqualTo(RECORDS.get(visibility));
  }

  @Test
  void anUnknownVisibilityCodeIsAClearError() {
    String record = PREFIX + AVATAR + "00" + "09" + "01" + SUFFIX;
    assertThatThrownBy(() -> Codec.user(HexFormat.of().parseHex(record)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("user record: lists visibility code: 9 (expected: 0-3)");
  }

  /** The same bytes put straight into a data directory, as an older Kith left them, read through the store. */
  @Test
  void aDataDirectoryWithTodaysRecordsStillReads(@TempDir Path dir) throws Exception {
    StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dir.toString()))).close();
    writeRaw(dir, "users", Keys.id(ID), HexFormat.of().parseHex(RECORDS.get(ListsVisibility.ONLY_ME)));
    writeRaw(dir, "handles", "ada".getBytes(StandardCharsets.UTF_8), Keys.id(ID));
    try (KithStore store = StoreProvider.named("rocksdb").open(StoreConfig.of(Map.of("path", dir.toString())))) {
      assertThat(store.user(ID)).contains(user(ListsVisibility.ONLY_ME));
      assertThat(store.userByHandle(new Handle("ada"))).contains(user(ListsVisibility.ONLY_ME));
      assertThat(store.passwordHash(ID)).contains(HASH);
    }
  }

  private static void writeRaw(Path dir, String family, byte[] key, byte[] value) throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions(); RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles)) {
      for (int i = 0; i < descriptors.size(); i++) {
        if (new String(descriptors.get(i).getName(), StandardCharsets.UTF_8).equals(family)) {
          db.put(handles.get(i), key, value);
        }
      }
      handles.forEach(ColumnFamilyHandle::close);
    }
  }
}
