package mishmash.sketch;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import processing.core.PImage;

/**
 * Short lines of text in any script, set once by {@link Lettering} and kept as pictures: for names
 * typed at the booth (Arabic joined and right to left, emoji), which Processing's {@code text()}
 * cannot draw. Drawing a kept picture is a plain copy; at most {@link #MAX} are kept.
 */
public final class Labels {
  static final int MAX = 256;

  private final Map<String, PImage> kept = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PImage> eldest) {
      return size() > MAX;
    }
  };

  /** {@code text} at {@code size} pixels in {@code colour} (an ARGB int, as Processing's color()). */
  public PImage of(String text, float size, int colour) {
    return kept.computeIfAbsent(text + '\u0000' + size + '\u0000' + colour,
        k -> new PImage(Lettering.picture(text, size, new Color(colour, true))));
  }
}
