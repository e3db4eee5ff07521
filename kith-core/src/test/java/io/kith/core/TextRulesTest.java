package io.kith.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Unicode rules of names and free text (docs/api.md, "Text rules"). */
class TextRulesTest {
  private static void refusedName(String name, String because) {
    assertThatThrownBy(() -> ProfileRules.displayName("display_name", name))
        .as("%s", name.codePoints().mapToObj(TextRules::codePoint).toList())
        .isInstanceOfSatisfying(KithException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.field()).isEqualTo("display_name");
          assertThat(e.detail()).contains(because);
        });
  }

  @Test
  void unpairedSurrogatesAreNotText() {
    assertThat(TextRules.isWellFormed("plain")).isTrue();
    assertThat(TextRules.isWellFormed("emoji \uD83D\uDE00")).isTrue();
    assertThat(TextRules.isWellFormed("\uD800")).isFalse();
    assertThat(TextRules.isWellFormed("a\uDC00b")).isFalse();
    assertThat(TextRules.isWellFormed("\uDE00\uD83D")).isFalse(); // a pair in the wrong order is two strays
    assertThat(TextRules.isWellFormed("end\uD83D")).isFalse();
    assertThatThrownBy(() -> ProfileRules.bio("bio", "\uD800")).hasMessageContaining("unpaired surrogate");
  }

  @Test
  void passwordsWithUnpairedSurrogatesAreRefusedRatherThanMangled() {
    assertThatThrownBy(() -> ProfileRules.password("password", "abcdefgh\uD800"))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(ProfileRules.password("password", "abcdefgh\uD83D\uDE00")).isEqualTo("abcdefgh\uD83D\uDE00");
  }

  @Test
  void ordinaryNamesInAnyScriptPass() {
    for (String name : new String[] {"Alice", "Zoë Ångström", "José María", "李小龙", "Ελένη", "Влади́мир",
        "محمد", "שָׁלוֹם", "हिन्दी नाम", "Nguyễn Văn A", "O'Brien-Smith", "🙂 Sam", "Love ❤️", "👩‍💻 coder",
        "👋🏽 hi", "🏳️‍🌈 pride", "Keycap 1️⃣", "", "  Alice  "}) {
      assertThat(ProfileRules.displayName("display_name", name)).as(name).isEqualTo(name.strip());
    }
  }

  @Test
  void invisibleAndFormattingCharactersAreRefused() {
    refusedName("Ali\u200Bce", "invisible");          // zero-width space
    refusedName("Ali\u200Cce", "invisible");          // zero-width non-joiner
    refusedName("Ali\u200Dce", "invisible");          // a joiner outside an emoji sequence
    refusedName("\u2060Alice", "invisible");          // word joiner
    refusedName("Alice\uFEFF", "invisible");          // BOM
    refusedName("Al\u00ADice", "invisible");          // soft hyphen
    refusedName("Alice\u202Egnp.exe", "invisible");   // right-to-left override
    refusedName("Alice\u2066x\u2069", "invisible");   // bidi isolates
    refusedName("Alice\u200F", "invisible");          // right-to-left mark
    refusedName("Alice\u061C", "invisible");          // Arabic letter mark
    refusedName("Ali\u034Fce", "invisible");          // combining grapheme joiner
    refusedName("Alice\uFE0F", "invisible");          // variation selector on a letter
    refusedName("Alice\uDB40\uDC41", "invisible");    // a tag character outside a flag
  }

  @Test
  void blankLookingNamesAreRefused() {
    refusedName("\u3164", "invisible");             // Hangul filler
    refusedName("\u115F\u1160", "invisible");         // Hangul choseong/jungseong fillers
    refusedName("\uFFA0", "invisible");             // half-width Hangul filler
    refusedName("\u2800", "plain space");             // Braille blank
    refusedName("Al\u00A0ice", "plain space");        // no-break space
    refusedName("Alice\u3000Bob", "plain space");     // ideographic space
    refusedName("Alice\u2028Bob", "plain space");     // line separator
    refusedName("\u0301\u0301", "visible character"); // only combining marks
    refusedName("a\u0301\u0302\u0303\u0304\u0305", "combining marks");
  }

  @Test
  void controlUnassignedAndPrivateUseCharactersAreRefused() {
    refusedName("Ali\u0007ce", "control");
    refusedName("Alice\u0085", "control");
    refusedName("Alice\uE000", "private-use");
    refusedName("Alice\uDB80\uDC00", "private-use");   // U+F0000, supplementary private use
    refusedName("Alice\u0378", "unassigned");
    refusedName("Alice\uD800", "unpaired surrogate");
  }

  @Test
  void storedNamesStillReadUnderTheRulesTheyWereWrittenWith() {
    // A profile written before the visible-name rule must still load; only new input is held to it.
    User user = new User(UserId.of(1), new Handle("old"), "Ali\u200Bce", "bio\uD800", null, false,
        java.time.Instant.EPOCH);
    assertThat(user.displayName()).isEqualTo("Ali\u200Bce");
  }
}
