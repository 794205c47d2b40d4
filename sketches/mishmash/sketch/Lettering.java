package mishmash.sketch;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a line of text as typed, in any script: each run of characters gets a font that has their
 * glyphs (the main font first, then every installed font, searched once per character), and Java's
 * {@link TextLayout} orders right-to-left runs (Arabic, Hebrew) and shapes joined letters. Processing's
 * {@code text()} draws glyph by glyph and cannot do either, so names are set here.
 */
public final class Lettering {
  private static final Map<Integer, String> FALLBACK = new HashMap<>();
  private static List<Font> installed;

  private Lettering() {}

  /** A layout of {@code text} at {@code size} points, main family {@code family}. */
  public static TextLayout layout(String text, String family, int style, float size, FontRenderContext frc) {
    String shown = text.isEmpty() ? " " : text;
    return new TextLayout(attributed(shown, family, style, size).getIterator(), frc);
  }

  /** The text with a font on every run that has its glyphs. */
  private static AttributedString attributed(String shown, String family, int style, float size) {
    AttributedString s = new AttributedString(shown);
    Font main = new Font(family, style, Math.round(size)).deriveFont(size);
    int i = 0;
    while (i < shown.length()) {
      int cp = shown.codePointAt(i);
      Font f = fontFor(cp, main);
      int j = i + Character.charCount(cp);
      // extend the run while the same font serves (joiners and marks ride along)
      while (j < shown.length()) {
        int next = shown.codePointAt(j);
        boolean rides = next == 0x200D || (next >= 0xFE00 && next <= 0xFE0F)
            || Character.getType(next) == Character.NON_SPACING_MARK;
        if (!rides && !fontFor(next, main).getFamily().equals(f.getFamily())) {
          break;
        }
        j += Character.charCount(next);
      }
      s.addAttribute(TextAttribute.FONT, f, i, j);
      i = j;
    }
    return s;
  }

  /** A text set to fit a box: its lines (each within the width) and the size they were set at. */
  public record Fitted(List<TextLayout> lines, float size) {
    /** The height of the lines together. */
    public float height() {
      float h = 0;
      for (TextLayout l : lines) {
        h += l.getAscent() + l.getDescent() + l.getLeading();
      }
      return h;
    }

    /** The widest line. */
    public float width() {
      float w = 0;
      for (TextLayout l : lines) {
        w = Math.max(w, l.getAdvance());
      }
      return w;
    }
  }

  /**
   * Sets {@code text} within {@code width}: on one line at the largest size from {@code maxSize}
   * down to {@code minSizes[0]}; if it does not fit, broken at spaces onto two lines down to
   * {@code minSizes[1]}, and so on. Nothing is cut off: at the smallest size the lines are as many
   * as it takes.
   */
  public static Fitted fit(String text, String family, int style, float maxSize, float[] minSizes, float width,
      FontRenderContext frc) {
    Fitted last = null;
    for (int n = 1; n <= minSizes.length; n++) {
      for (float size = maxSize; size >= minSizes[n - 1] - 0.01f; size -= Math.max(1, maxSize / 24)) {
        last = lines(text, family, style, size, width, frc);
        if (last.lines().size() <= n && last.width() <= width + 0.5f) {
          return last;
        }
      }
    }
    return last;
  }

  /** {@code text} at {@code size}, broken at spaces (or anywhere, for a word wider than the line) into lines of {@code width}. */
  static Fitted lines(String text, String family, int style, float size, float width, FontRenderContext frc) {
    String shown = text.isEmpty() ? " " : text;
    TextLayout whole = layout(shown, family, style, size, frc);
    if (whole.getAdvance() <= width) {
      return new Fitted(List.of(whole), size);
    }
    java.text.AttributedCharacterIterator it = attributed(shown, family, style, size).getIterator();
    java.awt.font.LineBreakMeasurer measurer = new java.awt.font.LineBreakMeasurer(it, frc);
    List<TextLayout> lines = new ArrayList<>();
    while (measurer.getPosition() < it.getEndIndex()) {
      lines.add(measurer.nextLayout(width));
    }
    return new Fitted(lines, size);
  }

  /**
   * {@code text} set as one line on a transparent picture, in {@code colour}: for showing typed text
   * on screen (Processing's own {@code text()} would draw Arabic unjoined and left to right).
   */
  public static java.awt.image.BufferedImage picture(String text, float size, java.awt.Color colour) {
    java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D pg = probe.createGraphics();
    pg.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    TextLayout layout = layout(text, "DejaVu Sans", Font.PLAIN, size, pg.getFontRenderContext());
    pg.dispose();
    int w = Math.max(1, (int) Math.ceil(layout.getAdvance()) + 4);
    int h = Math.max(1, (int) Math.ceil(layout.getAscent() + layout.getDescent()) + 4);
    java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(colour);
    layout.draw(g, 2, 2 + layout.getAscent());
    g.dispose();
    return out;
  }

  /**
   * {@code text} on a transparent picture at most {@code maxWidth} wide, each line centred: at
   * {@code size}, or smaller, and on two lines if it must (a long name on the booth's screen).
   */
  public static java.awt.image.BufferedImage picture(String text, float size, java.awt.Color colour, float maxWidth) {
    java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D pg = probe.createGraphics();
    pg.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    Fitted fitted = fit(text, "DejaVu Sans", Font.PLAIN, size, new float[] {size * 0.45f, size * 0.3f}, maxWidth - 4,
        pg.getFontRenderContext());
    pg.dispose();
    int w = Math.max(1, (int) Math.ceil(fitted.width()) + 4);
    int h = Math.max(1, (int) Math.ceil(fitted.height()) + 4);
    java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(colour);
    float y = 2;
    for (TextLayout line : fitted.lines()) {
      y += line.getAscent();
      line.draw(g, (w - line.getAdvance()) / 2, y);
      y += line.getDescent() + line.getLeading();
    }
    g.dispose();
    return out;
  }

  /** The main font if it has the glyph, else the first installed font that does, else the main font (a box). */
  static Font fontFor(int cp, Font main) {
    if (main.canDisplay(cp) || Character.isWhitespace(cp) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) {
      return main;
    }
    String family;
    synchronized (FALLBACK) {
      family = FALLBACK.computeIfAbsent(cp, c -> {
        for (Font f : installed()) {
          if (f.canDisplay(c)) {
            return f.getFamily();
          }
        }
        return main.getFamily();
      });
    }
    return new Font(family, main.getStyle(), main.getSize()).deriveFont(main.getSize2D());
  }

  /** Characters no installed font can draw (they show as boxes): for tests and logs. */
  public static int missing(String text) {
    Font main = new Font("DejaVu Sans", Font.PLAIN, 12);
    int[] count = {0};
    text.codePoints().forEach(cp -> {
      if (!Character.isWhitespace(cp) && cp != 0x200D && !(cp >= 0xFE00 && cp <= 0xFE0F)
          && Character.getType(cp) != Character.FORMAT && !fontFor(cp, main).canDisplay(cp)) {
        count[0]++;
      }
    });
    return count[0];
  }

  private static synchronized List<Font> installed() {
    if (installed == null) {
      installed = new ArrayList<>();
      for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
        if (f.getStyle() == Font.PLAIN) {
          installed.add(f.deriveFont(12f));
        }
      }
    }
    return installed;
  }
}
