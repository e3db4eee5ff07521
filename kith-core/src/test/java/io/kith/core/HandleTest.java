package io.kith.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandleTest {
  @Test
  void asciiHandlesAreCanonicalizedToLowerCase() {
    assertThat(Handle.parse("handle", "Alice_B.2").value()).isEqualTo("alice_b.2");
  }

  @Test
  void nonAsciiLettersThatFoldToAsciiAreRefusedOnTheRawInput() {
    // U+212A KELVIN SIGN lower-cases to 'k'; U+0130 to "i" + U+0307; U+017F LONG S upper-cases to 'S'.
    for (String raw : new String[] {"\u212Aevin", "\u0130van", "ki\u017Fs", "ａlice", "al\u200Bice", "alice\uD800",
        "аlice" /* Cyrillic а */}) {
      assertThatThrownBy(() -> Handle.parse("handle", raw)).as(raw)
          .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("handle"))
          .hasMessageContaining("may contain only letters a-z");
    }
  }

  @Test
  void lengthCountsWhatWasTyped() {
    assertThatThrownBy(() -> Handle.parse("handle", "a")).hasMessageContaining("2-24 characters long (was 1)");
    assertThatThrownBy(() -> Handle.parse("handle", "a".repeat(25))).hasMessageContaining("(was 25)");
  }
}
