package mishmash.booth;

import java.text.BreakIterator;

/**
 * A visitor's name as typed at the booth: kept exactly as typed (accents, emoji, right-to-left
 * scripts), minus only what cannot be shown or would disturb the card: control characters
 * (newlines, tabs, escape codes) and the bidi overrides that can reverse the text around a name.
 * Zero-width joiners and bidi marks stay: emoji sequences and Arabic or Hebrew need them.
 */
public final class Names {
  /**
   * At most this many characters as people count them (an emoji with skin tone is one): room for
   * the longest names people carry (several given names, two family names, a title), which the
   * card sets on up to three lines. The booth stops taking keys there and says so.
   */
  public static final int MAX_LENGTH = 120;

  private Names() {}

  /** The name to keep; empty when nothing printable was typed (the booth then asks again). */
  public static String clean(String typed) {
    if (typed == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    typed.codePoints().forEach(cp -> {
      boolean control = Character.getType(cp) == Character.CONTROL && !Character.isWhitespace(cp);
      boolean override = cp == 0x202A || cp == 0x202B || cp == 0x202D || cp == 0x202E || cp == 0x202C;
      boolean unassigned = !Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE;
      if (!control && !override && !unassigned) {
        kept.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
      }
    });
    String name = kept.toString().strip().replaceAll(" {2,}", " ");
    return length(name) <= MAX_LENGTH ? name : atWord(truncate(name, MAX_LENGTH));
  }

  /** How many characters as people count them. */
  public static int length(String text) {
    BreakIterator it = BreakIterator.getCharacterInstance();
    it.setText(text);
    int count = 0;
    while (it.next() != BreakIterator.DONE) {
      count++;
    }
    return count;
  }

  /** A name cut at the limit loses its last, cut word rather than keep half of it (unless it is one long word). */
  private static String atWord(String cut) {
    int space = cut.lastIndexOf(' ');
    return space > cut.length() / 2 ? cut.substring(0, space) : cut;
  }

  /** The first {@code max} user-perceived characters, never cutting a surrogate pair or a combining mark off. */
  static String truncate(String text, int max) {
    BreakIterator it = BreakIterator.getCharacterInstance();
    it.setText(text);
    int count = 0;
    int end = 0;
    for (int next = it.next(); next != BreakIterator.DONE; next = it.next()) {
      if (++count > max) {
        break;
      }
      end = next;
    }
    // keep a zero-width joiner sequence whole: an emoji joined onto the last kept one stays with it
    while (end < text.length() && (text.charAt(end) == '\u200D' || Character.getType(text.codePointAt(end))
        == Character.NON_SPACING_MARK || isVariationSelector(text.codePointAt(end)))) {
      int cp = text.codePointAt(end);
      end += Character.charCount(cp);
      if (cp == 0x200D && end < text.length()) {
        end += Character.charCount(text.codePointAt(end));
      }
    }
    return text.substring(0, end);
  }

  private static boolean isVariationSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }
}
