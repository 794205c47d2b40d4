package mishmash.booth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void aNameIsKeptAsTyped() {
    assertEquals("Zoë Åström-Nguyễn", Names.clean("Zoë Åström-Nguyễn"));
    assertEquals("زهرة 🤖", Names.clean("زهرة 🤖"), "right-to-left and emoji as typed");
    assertEquals("👩‍🔬 Ada", Names.clean("👩‍🔬 Ada"), "a joined emoji stays joined");
    assertEquals("שלום", Names.clean("\u202Eשלום\u202C"), "bidi overrides cannot reverse the card");
  }

  @Test
  void whatCannotBeShownGoes() {
    assertEquals("", Names.clean(""));
    assertEquals("", Names.clean("   \t\n "), "only blanks is no name");
    assertEquals("", Names.clean("\u0000\u0007\u001b[31m".replaceAll("\\[31m", "")));
    assertEquals("Bob Smith", Names.clean("Bob\n\tSmith\u0000"), "controls gone, a newline becomes a space");
    assertEquals("", Names.clean(null));
  }

  @Test
  void aLongNameIsKeptWholeUpToAGenerousLimit() {
    String long60 = "Maria Fernanda Guadalupe de los Ángeles Castañeda-Villalobos";
    assertEquals(long60, Names.clean(long60), "60 characters, every one kept");
    String long120 = "Ab ".repeat(40).strip();
    assertEquals(long120, Names.clean(long120));
    assertEquals(Names.MAX_LENGTH, Names.length("🤖".repeat(Names.MAX_LENGTH)), "an emoji counts as one");
  }

  @Test
  void pastTheLimitTheLastWordGoesWholeNotHalf() {
    String words = "Wolfgang Amadeus Theophilus ".repeat(10).strip();
    String cut = Names.clean(words);
    assertTrue(Names.length(cut) <= Names.MAX_LENGTH);
    assertTrue(words.startsWith(cut) && words.charAt(cut.length()) == ' ', "cut between words: ..." + cut.substring(cut.length() - 20));
  }

  @Test
  void aVeryLongWordIsCutAtACharacterNeverInsideOne() {
    String cut = Names.clean("Ω".repeat(200));
    assertEquals(Names.MAX_LENGTH, cut.length());
    String emoji = Names.clean("🤖".repeat(200));
    assertEquals(Names.MAX_LENGTH, emoji.codePointCount(0, emoji.length()), "no half surrogate");
    assertTrue(Character.isSurrogatePair(emoji.charAt(emoji.length() - 2), emoji.charAt(emoji.length() - 1)));
    String accents = Names.clean("e\u0301".repeat(200));
    assertTrue(accents.endsWith("e\u0301"), "an accent is never cut off its letter");
  }
}
