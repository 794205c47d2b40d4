package mishmash.sketch;

import java.util.ArrayList;
import java.util.List;
import processing.core.PApplet;

/** Text made to fit a width, in the sketch's current font and size: shortened, or wrapped into lines. */
public final class Fit {
  private Fit() {}

  /** {@code text}, cut with "…" where it would pass {@code width} pixels. */
  public static String line(PApplet s, String text, float width) {
    if (s.textWidth(text) <= width) {
      return text;
    }
    int n = text.length();
    while (n > 0 && s.textWidth(text.substring(0, n) + "…") > width) {
      n--;
    }
    return n == 0 ? "" : text.substring(0, n).stripTrailing() + "…";
  }

  /** {@code text} in lines of at most {@code width} pixels, broken between words (a word too long for one line, anywhere). */
  public static List<String> wrap(PApplet s, String text, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String next = line.length() == 0 ? word : line + " " + word;
        if (s.textWidth(next) <= width) {
          line.setLength(0);
          line.append(next);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (s.textWidth(word) > width && word.length() > 1) { // a long path or address: break it
          int n = word.length() - 1;
          while (n > 1 && s.textWidth(word.substring(0, n)) > width) {
            n--;
          }
          lines.add(word.substring(0, n));
          word = word.substring(n);
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The largest text size from {@code size} down to {@code smallest} at which {@code text} fits
   * {@code width}; {@code smallest} if none does (then {@link #line} shortens it).
   */
  public static float size(PApplet s, String text, float width, float size, float smallest) {
    float z = size;
    s.textSize(z);
    while (z > smallest && s.textWidth(text) > width) {
      z -= 0.5f;
      s.textSize(z);
    }
    return z;
  }
}
