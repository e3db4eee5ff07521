package io.kith.server.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorsTest {
  private static final UserId OWNER = UserId.of(42);
  private static final Position POSITION = new Position(1_764_000_000_123L, UserId.of(915_130_509_149_863_936L));

  /**
   * Cursors as today's code mints them, for {@link #OWNER} and {@link #POSITION}: clients hold such cursors between
   * requests and across deployments, so each must still resume at the same place, and new ones must be the same.
   */
  private static final Map<EdgeList, String> MINTED = Map.of(
      EdgeList.FOLLOWERS, "AQAAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA",
      EdgeList.FOLLOWING, "AQEAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA",
      EdgeList.FRIENDS, "AQIAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA",
      EdgeList.REQUESTS_IN, "AQMAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA",
      EdgeList.REQUESTS_OUT, "AQQAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA",
      EdgeList.BLOCKING, "AQUAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA",
      EdgeList.MUTING, "AQYAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA");

  @Test
  void cursorsMintedTodayStillResumeAtTheSamePosition() {
    assertThat(MINTED.keySet()).containsExactlyInAnyOrder(EdgeList.values());
    MINTED.forEach((list, cursor) -> {
      assertThat(Cursors.decode(cursor, list, OWNER)).as("%s", list).isEqualTo(POSITION);
      assertThat(Cursors.encode(list, OWNER, POSITION)).as("%s", list).isEqualTo(cursor);
    });
  }

  @Test
  void aCursorOfAnUnknownListIsMalformed() {
    // FOLLOWERS' cursor with list code 9, which no list has.
    assertThatThrownBy(() -> Cursors.decode("AQkAAAAAAAAAKgAAAZq2l-h7DLMyWXkAAAA", EdgeList.FOLLOWERS, OWNER))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("cursor"))
        .hasMessageContaining("malformed");
  }

  @Test
  void roundTripsAndIsUrlSafe() {
    for (EdgeList list : EdgeList.values()) {
      String cursor = Cursors.encode(list, OWNER, POSITION);
      assertThat(cursor).matches("[A-Za-z0-9_-]+");
      assertThat(Cursors.decode(cursor, list, OWNER)).isEqualTo(POSITION);
    }
  }

  @Test
  void refusesCursorsOfOtherListsAndOwners() {
    String cursor = Cursors.encode(EdgeList.FOLLOWERS, OWNER, POSITION);
    assertThatThrownBy(() -> Cursors.decode(cursor, EdgeList.FOLLOWING, OWNER))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("cursor"))
        .hasMessageContaining("different list");
    assertThatThrownBy(() -> Cursors.decode(cursor, EdgeList.FOLLOWERS, UserId.of(43)))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void refusesMalformedCursors() {
    String cursor = Cursors.encode(EdgeList.FOLLOWERS, OWNER, POSITION);
    for (String bad : new String[] {"", "*", cursor + "AA", cursor.substring(2), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
      assertThatThrownBy(() -> Cursors.decode(bad, EdgeList.FOLLOWERS, OWNER))
          .as(bad)
          .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }
}
