package io.kith.core;

/**
 * Unicode rules for text people type. Every string Kith accepts must be well-formed (no unpaired surrogate: such a
 * string is not text, cannot be encoded as UTF-8, and was silently turned into {@code ?} before hashing, so two
 * different passwords collided). Names that others see must also be visible: the rule for display names follows
 * Unicode's security recommendations (UTS #39, UAX #31): no default-ignorable, format, control, unassigned or
 * private-use code points, no bidi controls, no blank-looking fillers, and no run of stacked combining marks.
 */
public final class TextRules {
  /** More stacked combining marks than any script needs on one letter ("Zalgo" text). */
  static final int MAX_COMBINING_RUN = 4;

  private static final int ZWJ = 0x200D;
  private static final int BLACK_FLAG = 0x1F3F4;

  private TextRules() {}

  /** Whether every surrogate in {@code text} is part of a pair. */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Refuses text with an unpaired surrogate, naming {@code field}. */
  public static String requireWellFormed(String field, String text) {
    if (text != null && !isWellFormed(text)) {
      throw KithException.invalid(field, field + " must be valid Unicode text (it has an unpaired surrogate)");
    }
    return text;
  }

  /**
   * Refuses a name others will see if it hides or fakes characters: see the class comment. Emoji sequences keep
   * their joiners and selectors (U+200D between pictographs, U+FE0E/U+FE0F after an emoji, tags after a flag).
   */
  public static void requireVisibleName(String field, String text) {
    requireWellFormed(field, text);
    int combiningRun = 0;
    boolean visible = text.isEmpty();
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp) < text.length() ? text.codePointAt(i + Character.charCount(cp)) : -1;
      int type = Character.getType(cp);
      if (type == Character.CONTROL) {
        throw KithException.invalid(field, field + " must not contain control characters");
      }
      if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
        throw KithException.invalid(field,
            field + " must not contain unassigned or private-use characters (" + codePoint(cp) + ")");
      }
      if ((type == Character.FORMAT || isDefaultIgnorable(cp)) && !isEmojiGlue(previous, cp, next)) {
        throw KithException.invalid(field,
            field + " must not contain invisible or formatting characters such as bidi controls or zero-width "
                + "characters (" + codePoint(cp) + ")");
      }
      if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || (type == Character.SPACE_SEPARATOR && cp != ' ') || isBlankLooking(cp)) {
        throw KithException.invalid(field,
            field + " may separate words only with the plain space U+0020 (" + codePoint(cp) + ")");
      }
      boolean combining = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK;
      combiningRun = combining ? combiningRun + 1 : 0;
      if (combiningRun > MAX_COMBINING_RUN) {
        throw KithException.invalid(field,
            field + " must not stack more than " + MAX_COMBINING_RUN + " combining marks on one character");
      }
      visible |= !combining && cp != ' ' && type != Character.FORMAT && !isDefaultIgnorable(cp);
      previous = cp;
      i += Character.charCount(cp);
    }
    if (!visible) {
      throw KithException.invalid(field, field + " must contain a visible character");
    }
  }

  /**
   * Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): code points that render as
   * nothing, including the Hangul fillers and variation selectors. Java has no accessor for it.
   */
  static boolean isDefaultIgnorable(int cp) {
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160)
        || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
        || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }

  /** Visible in the code chart but blank on screen: the Braille blank, the object and replacement characters. */
  private static boolean isBlankLooking(int cp) {
    return cp == 0x2800 || cp == 0xFFFC || cp == 0xFFFD;
  }

  /** The invisible parts of emoji sequences (UTS #51), allowed only where an emoji sequence needs them. */
  private static boolean isEmojiGlue(int previous, int cp, int next) {
    if (cp == 0xFE0E || cp == 0xFE0F) {
      return previous != -1 && Character.isEmoji(previous);
    }
    if (cp == ZWJ) {
      boolean afterEmoji = previous != -1 && (Character.isExtendedPictographic(previous)
          || Character.isEmojiModifier(previous) || previous == 0xFE0F);
      return afterEmoji && next != -1 && Character.isExtendedPictographic(next);
    }
    if (cp >= 0xE0020 && cp <= 0xE007F) {
      return previous == BLACK_FLAG || (previous >= 0xE0020 && previous <= 0xE007E);
    }
    return false;
  }

  static String codePoint(int cp) {
    return String.format("U+%04X", cp);
  }
}
