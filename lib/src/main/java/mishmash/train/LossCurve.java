package mishmash.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws the training's loss curves: D's and G's hinge losses over the steps, each smoothed with a
 * moving average (the raw per-step values are a blur), on labelled axes.
 */
final class LossCurve {
  private static final Color D_COLOUR = new Color(0xD9480F);
  private static final Color G_COLOUR = new Color(0x1971C2);
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 48;
  private static final int BOTTOM = 55;

  private LossCurve() {}

  static BufferedImage draw(LossHistory history, String title, int width, int height) {
    int n = history.size();
    int window = Math.max(1, n / 100);
    float[] d = smooth(history, 0, window);
    float[] g = smooth(history, 1, window);
    float lo = 0;
    float hi = 1;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, Math.min(d[i], g[i]));
      hi = Math.max(hi, Math.max(d[i], g[i]));
    }
    float pad = 0.05f * (hi - lo);
    lo -= pad;
    hi += pad;

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D gr = image.createGraphics();
    gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    gr.setColor(Color.WHITE);
    gr.fillRect(0, 0, width, height);
    int plotW = width - LEFT - RIGHT;
    int plotH = height - TOP - BOTTOM;
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    gr.setFont(font);

    // grid and tick labels
    for (int t = 0; t <= 5; t++) {
      float value = lo + (hi - lo) * t / 5;
      int y = TOP + plotH - Math.round(plotH * t / 5f);
      gr.setColor(new Color(0xE9ECEF));
      gr.drawLine(LEFT, y, LEFT + plotW, y);
      gr.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%.2f", value);
      gr.drawString(label, LEFT - 8 - gr.getFontMetrics().stringWidth(label), y + 4);
    }
    for (int t = 0; t <= 5; t++) {
      int x = LEFT + Math.round(plotW * t / 5f);
      String label = String.valueOf(Math.round((double) Math.max(n, 1) * t / 5));
      gr.setColor(Color.DARK_GRAY);
      gr.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
      gr.drawString(label, x - gr.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 18);
    }
    gr.setColor(Color.BLACK);
    gr.drawRect(LEFT, TOP, plotW, plotH);
    gr.drawString("step", LEFT + plotW / 2 - 12, height - 14);
    Graphics2D rotated = (Graphics2D) gr.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString("hinge loss (moving average of " + window + " steps)", -(TOP + plotH / 2) - 120, 18);
    rotated.dispose();
    gr.setFont(font.deriveFont(Font.BOLD, 14f));
    gr.drawString(title, LEFT, 22);

    gr.setStroke(new BasicStroke(1.6f));
    plot(gr, d, lo, hi, plotW, plotH, D_COLOUR);
    plot(gr, g, lo, hi, plotW, plotH, G_COLOUR);
    legend(gr, LEFT + plotW, TOP - 10, font);
    gr.dispose();
    return image;
  }

  private static void plot(Graphics2D gr, float[] values, float lo, float hi, int plotW, int plotH, Color colour) {
    if (values.length == 0) {
      return;
    }
    Path2D.Float path = new Path2D.Float();
    for (int i = 0; i < values.length; i++) {
      float x = LEFT + (values.length == 1 ? 0 : plotW * (float) i / (values.length - 1));
      float y = TOP + plotH - plotH * (values[i] - lo) / (hi - lo);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    gr.setColor(colour);
    gr.draw(path);
  }

  /** One line above the plot's top right corner, so it never hides a curve. */
  private static void legend(Graphics2D gr, int right, int y, Font font) {
    gr.setFont(font);
    String[] labels = {"D (critic) loss", "G (generator) loss"};
    Color[] colours = {D_COLOUR, G_COLOUR};
    int x = right - gr.getFontMetrics().stringWidth(labels[0] + labels[1]) - 2 * 24 - 16;
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      gr.setColor(colours[i]);
      gr.fillRect(x, y - 5, 18, 3);
      gr.setColor(Color.BLACK);
      gr.drawString(label, x + 24, y);
      x += 24 + gr.getFontMetrics().stringWidth(label) + 16;
    }
  }

  /** A trailing moving average of one field, non-finite values skipped. */
  private static float[] smooth(LossHistory h, int field, int window) {
    int n = h.size();
    float[] out = new float[n];
    double sum = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      float v = field == 0 ? h.d(i) : h.g(i);
      if (Float.isFinite(v)) {
        sum += v;
        count++;
      }
      if (i >= window) {
        float old = field == 0 ? h.d(i - window) : h.g(i - window);
        if (Float.isFinite(old)) {
          sum -= old;
          count--;
        }
      }
      out[i] = count > 0 ? (float) (sum / count) : 0f;
    }
    return out;
  }
}
