package io.kith.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codes and wire names are written into data directories and API answers: these pins must never change. */
class ListsVisibilityTest {
  private static final Map<ListsVisibility, Integer> CODES = new LinkedHashMap<>();
  private static final Map<ListsVisibility, String> WIRE_NAMES = new LinkedHashMap<>();

  static {
    CODES.put(ListsVisibility.EVERYONE, 0);
    CODES.put(ListsVisibility.FOLLOWERS, 1);
    CODES.put(ListsVisibility.FRIENDS, 2);
    CODES.put(ListsVisibility.ONLY_ME, 3);
    WIRE_NAMES.put(ListsVisibility.EVERYONE, "everyone");
    WIRE_NAMES.put(ListsVisibility.FOLLOWERS, "followers");
    WIRE_NAMES.put(ListsVisibility.FRIENDS, "friends");
    WIRE_NAMES.put(ListsVisibility.ONLY_ME, "only_me");
  }

  @Test
  void everyValueKeepsItsCodeAndWireName() {
    assertThat(CODES.keySet()).containsExactlyInAnyOrder(ListsVisibility.values());
    CODES.forEach((value, code) -> {
      assertThat(value.code()).as("code of %s", value).isEqualTo(code);
      assertThat(ListsVisibility.fromCode(code)).isEqualTo(value);
    });
    WIRE_NAMES.forEach((value, name) -> {
      assertThat(value.wireName()).as("wire name of %s", value).isEqualTo(name);
      assertThat(ListsVisibility.parse("lists_visibility", name)).isEqualTo(value);
    });
  }

  @Test
  void codesAreDistinct() {
    assertThat(Arrays.stream(ListsVisibility.values()).map(ListsVisibility::code).distinct())
        .hasSize(ListsVisibility.values().length);
  }

  @Test
  void anUnknownCodeIsAClearError() {
    for (int code : new int[] {-1, 4, 127}) {
      assertThatThrownBy(() -> ListsVisibility.fromCode(code))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("lists visibility code: " + code + " (expected: 0-3)");
    }
  }
}
