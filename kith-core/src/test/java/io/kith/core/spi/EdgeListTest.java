package io.kith.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codes are inside every cursor handed to clients: these pins must never change. */
class EdgeListTest {
  private static final Map<EdgeList, Integer> CODES = new LinkedHashMap<>();

  static {
    CODES.put(EdgeList.FOLLOWERS, 0);
    CODES.put(EdgeList.FOLLOWING, 1);
    CODES.put(EdgeList.FRIENDS, 2);
    CODES.put(EdgeList.REQUESTS_IN, 3);
    CODES.put(EdgeList.REQUESTS_OUT, 4);
    CODES.put(EdgeList.BLOCKING, 5);
    CODES.put(EdgeList.MUTING, 6);
  }

  @Test
  void everyListKeepsItsCode() {
    assertThat(CODES.keySet()).containsExactlyInAnyOrder(EdgeList.values());
    CODES.forEach((list, code) -> {
      assertThat(list.code()).as("code of %s", list).isEqualTo(code);
      assertThat(EdgeList.fromCode(code)).isEqualTo(list);
    });
    assertThat(Arrays.stream(EdgeList.values()).map(EdgeList::code).distinct()).hasSize(EdgeList.values().length);
  }

  @Test
  void anUnknownCodeIsAClearError() {
    for (int code : new int[] {-1, 7, 100}) {
      assertThatThrownBy(() -> EdgeList.fromCode(code))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("edge list code: " + code + " (expected: 0-6)");
    }
  }
}
