package mishmash.sketch;

import mishmash.booth.MachineSpecs;
import mishmash.booth.Profile;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import mishmash.archive.Creature;

/**
 * The printed profile card: A6 portrait at 300 dpi (1240 × 1748 pixels), like a specimen card from
 * a natural-history drawer — the mishmash portrait, the name as typed, the specimen numbers, and the
 * machine attributes.
 */
public final class Card {
  public static final int WIDTH = 1240;
  public static final int HEIGHT = 1748;
  static final String FAMILY = "DejaVu Sans";
  private static final Color PAPER = new Color(236, 231, 216);
  private static final Color INK = new Color(32, 30, 26);
  private static final Color FADED = new Color(112, 106, 92);
  private static final Color ACCENT = new Color(176, 92, 40);

  static final int MARGIN = 70;

  private Card() {}

  /** How the name is set on the card: one line at 84 px down to 48, else two down to 36, else three down to 26. */
  static Lettering.Fitted name(String name, java.awt.font.FontRenderContext frc) {
    return Lettering.fit(name, FAMILY, Font.BOLD, 84, new float[] {48, 36, 26}, WIDTH - 2 * MARGIN, frc);
  }

  public static BufferedImage draw(Profile p, BufferedImage portrait, Creature creature) {
    BufferedImage card = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = card.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(PAPER);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int m = MARGIN;
    g.setColor(INK);
    g.setStroke(new BasicStroke(3));
    g.drawRect(m / 2, m / 2, WIDTH - m, HEIGHT - m);

    // header
    g.setFont(new Font(FAMILY, Font.BOLD, 34));
    g.drawString("MISHMASH  ·  PROFILE", m, m + 60);
    String number = "No. " + p.id();
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 34));
    g.drawString(number, WIDTH - m - g.getFontMetrics().stringWidth(number), m + 60);

    // the portrait
    int side = WIDTH - 2 * m - 40;
    int px = (WIDTH - side) / 2;
    int py = m + 100;
    g.drawImage(portrait, px, py, side, side, null);
    g.setStroke(new BasicStroke(2));
    g.drawRect(px, py, side, side);

    // the name, as typed, whole: shrunk to fit, and on up to three lines when it is long
    int y = py + side + 40;
    g.setColor(INK);
    for (TextLayout line : name(p.name(), g.getFontRenderContext()).lines()) {
      y += (int) line.getAscent();
      line.draw(g, line.isLeftToRight() ? MARGIN : WIDTH - MARGIN - line.getAdvance(), y);
      y += (int) (line.getDescent() + line.getLeading());
    }
    y += 14;

    g.setFont(new Font(FAMILY, Font.PLAIN, 24));
    g.setColor(FADED);
    String date = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)
        .format(Instant.ofEpochMilli(p.created()).atZone(ZoneId.systemDefault()));
    g.drawString("mixed with specimen No. " + creature.seed() + " (gen " + creature.generation() + ", "
        + creature.source().label() + ")  ·  " + date, m, y + 24);
    y += 54;
    g.setColor(ACCENT);
    g.fillRect(m, y, WIDTH - 2 * m, 4);
    y += 16;

    // the attributes, in two columns
    int rows = (p.specs().size() + 1) / 2;
    int colW = (WIDTH - 2 * m - 40) / 2;
    int rowH = Math.min(52, (HEIGHT - m - 60 - y) / Math.max(1, rows));
    for (int i = 0; i < p.specs().size(); i++) {
      MachineSpecs.Spec s = p.specs().get(i);
      int cx = m + (i / rows) * (colW + 40);
      int cy = y + (i % rows) * rowH + rowH - 14;
      g.setColor(FADED);
      g.setFont(new Font(FAMILY, Font.PLAIN, 24));
      g.drawString(s.label().toUpperCase(Locale.ENGLISH), cx, cy);
      g.setColor(INK);
      g.setFont(new Font(FAMILY, Font.BOLD, 28));
      g.drawString(s.value(), cx + colW - g.getFontMetrics().stringWidth(s.value()), cy);
    }
    g.setColor(FADED);
    g.setFont(new Font(FAMILY, Font.ITALIC, 20));
    g.drawString("Mishmash — a live archive of human–machine creatures. This profile is on the wall now.", m,
        HEIGHT - m + 8);
    g.dispose();
    return card;
  }
}
