package mishmash.specimens;

import static mishmash.specimens.Colours.mix;
import static processing.core.PApplet.constrain;

import java.awt.Color;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.ColorSpaceType;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import processing.awt.PGraphicsJava2D;
import processing.core.PGraphics;

/**
 * Light and shade shared by all three kinds: smooth gradients, soft spots of light or shadow
 * (like an airbrush), glows, and a vignette.
 *
 * <p>The gradient fills work like Processing's {@code fill()}: after {@code linearFill(...)} or
 * {@code radialFill(...)} every shape is filled with the gradient, until the next {@code fill()}.
 * They use Java2D's gradients, the renderer every specimen is drawn with; on another renderer
 * they fall back to the middle colour.
 */
public final class Paint {

  /** How a soft spot fades from its middle (1) to its edge (0): a bell, so no edge shows. */
  static final float[] SOFT_AT = {0, 0.25f, 0.5f, 0.75f, 1};
  static final float[] SOFT_ALPHA = {1, 0.88f, 0.56f, 0.19f, 0};

  /** Fills the next shapes with a gradient from colour a at (x0, y0) to colour b at (x1, y1). */
  public static void linearFill(PGraphics g, float x0, float y0, int a, float x1, float y1, int b) {
    linearFill(g, x0, y0, x1, y1, new float[] {0, 1}, new int[] {a, b});
  }

  /**
   * Fills the next shapes with a gradient along the line from (x0, y0) to (x1, y1): colours[i] at
   * the fraction at[i] of the way (at[] rises from 0 to 1). Beyond the ends the end colours go on.
   */
  public static void linearFill(PGraphics g, float x0, float y0, float x1, float y1, float[] at, int[] colours) {
    if (!(g instanceof PGraphicsJava2D j) || (x0 == x1 && y0 == y1)) {
      g.fill(colours[colours.length / 2]);
      return;
    }
    g.fill(colours[0]);                 // sets Processing's fill on, then the gradient takes over
    j.fillGradient = true;
    j.fillGradientObject = new LinearGradientPaint(new Point2D.Float(x0, y0), new Point2D.Float(x1, y1), rising(at),
        awt(colours), CycleMethod.NO_CYCLE);
  }

  /** Fills the next shapes with a round gradient: inner at (x, y), outer from radius r on. */
  public static void radialFill(PGraphics g, float x, float y, float r, int inner, int outer) {
    radialFill(g, x, y, r, r, 0, new float[] {0, 1}, new int[] {inner, outer});
  }

  /**
   * Fills the next shapes with an elliptical gradient centred on (x, y), radii rx and ry, turned by
   * angle: colours[i] at the fraction at[i] of the way out.
   */
  public static void radialFill(PGraphics g, float x, float y, float rx, float ry, float angle, float[] at, int[] colours) {
    if (!(g instanceof PGraphicsJava2D j) || rx <= 0 || ry <= 0) {
      g.fill(colours[colours.length / 2]);
      return;
    }
    g.fill(colours[0]);
    AffineTransform t = new AffineTransform();
    t.translate(x, y);
    t.rotate(angle);
    t.scale(rx, ry);
    j.fillGradient = true;
    j.fillGradientObject = new RadialGradientPaint(new Point2D.Float(0, 0), 1, new Point2D.Float(0, 0), rising(at), awt(colours),
        CycleMethod.NO_CYCLE, ColorSpaceType.SRGB, t);
  }

  /**
   * A soft spot: the colour at {@code alpha} (0–255) in the middle of the w × h ellipse, fading to
   * nothing at its edge. Many of these, light and dark, model a face or a cell the way an airbrush does.
   */
  public static void soft(PGraphics g, float x, float y, float w, float h, int colour, float alpha) {
    soft(g, x, y, w, h, 0, colour, alpha);
  }

  /** A soft spot turned by {@code angle}. */
  public static void soft(PGraphics g, float x, float y, float w, float h, float angle, int colour, float alpha) {
    if (alpha <= 0.5f || w <= 0 || h <= 0) {
      return;
    }
    int a = (int) constrain(alpha, 0, 255);
    g.push();
    g.translate(x, y);
    g.rotate(angle);
    if (g instanceof PGraphicsJava2D j) {
      // a round spot of radius 1, stretched to w × h: the same gradient serves every spot of this colour
      g.scale(w / 2, h / 2);
      g.fill(colour);
      j.fillGradient = true;
      j.fillGradientObject = SOFT.get().computeIfAbsent(a << 24 | (colour & 0xFFFFFF), Paint::softSpot);
      g.ellipse(0, 0, 2, 2);
    } else {
      g.fill(colour, a * 0.4f);
      g.ellipse(0, 0, w, h);
    }
    g.pop();
  }

  /**
   * Soft spots by colour and alpha, kept per drawing thread: Java2D keeps a gradient's colour table
   * with the gradient, so drawing the same one again skips making it (a quarter of a face's time).
   */
  private static final ThreadLocal<java.util.Map<Integer, java.awt.Paint>> SOFT = ThreadLocal.withInitial(
      () -> new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Integer, java.awt.Paint> eldest) {
          return size() > 2048;
        }
      });

  /** A spot of radius 1 round (0, 0): the colour at the alpha of {@code argb} in the middle, fading to nothing. */
  private static java.awt.Paint softSpot(int argb) {
    int[] colours = new int[SOFT_AT.length];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = (int) ((argb >>> 24) * SOFT_ALPHA[i]) << 24 | (argb & 0xFFFFFF);
    }
    return new RadialGradientPaint(new Point2D.Float(0, 0), 1, SOFT_AT, awt(colours), CycleMethod.NO_CYCLE);
  }

  /** A vertical gradient from top to bottom over a rectangle. */
  public static void verticalGradient(PGraphics g, float x, float y, float w, float h, int top, int bottom) {
    g.noStroke();
    linearFill(g, x, y, top, x, y + h, bottom);
    g.rect(x, y, w, h);
  }

  /** A round gradient: the inner colour in the middle, the outer one at radius r. */
  public static void radialGradient(PGraphics g, float x, float y, float r, int inner, int outer) {
    g.noStroke();
    radialFill(g, x, y, r, inner, outer);
    g.ellipse(x, y, 2 * r, 2 * r);
  }

  /** A soft glow of light of radius r; strength 1 is the colour itself in the middle. */
  public static void glow(PGraphics g, float x, float y, float r, int colour, float strength) {
    g.noStroke();
    soft(g, x, y, 2 * r, 2 * r, colour, 255 * constrain(strength, 0, 1));
  }

  /** Darker corners, as in an old photograph or through a lens. */
  public static void vignette(PGraphics g, float strength) {
    vignette(g, 128, 128, strength);
  }

  /** Darker away from (x, y), where the lens points. */
  public static void vignette(PGraphics g, float x, float y, float strength) {
    g.noStroke();
    radialFill(g, x, y, 185, 185, 0, new float[] {0, 0.62f, 1},
        new int[] {0x00000000, 0x00000000, (int) constrain(strength * 200, 0, 255) << 24});
    g.rect(-2, -2, 260, 260);
  }

  /**
   * Softens the whole picture a little, as a lens does: a blur of about {@code radius} canvas units
   * (of the 256-unit canvas), whatever size the picture is drawn at. Call it last.
   */
  public static void soften(PGraphics g, float radius) {
    float pixels = radius * g.width / 256f;
    int passes = Math.max(1, Math.round(pixels * pixels / 0.5f));   // each pass of [1 2 1] / 4 blurs by a variance of 0.5 pixels²
    g.loadPixels();
    int w = g.width;
    int h = g.height;
    int[] p = g.pixels;
    int[] q = new int[p.length];
    for (int pass = 0; pass < passes; pass++) {
      blur(p, q, w, h, 1, w);
      blur(q, p, h, w, w, 1);
    }
    g.updatePixels();
  }

  /** One pass of [1 2 1] / 4 along rows (step 1) or columns (step w), the edge pixels repeated. */
  private static void blur(int[] from, int[] to, int length, int lines, int step, int lineStep) {
    for (int line = 0; line < lines; line++) {
      int base = line * lineStep;
      for (int i = 0; i < length; i++) {
        int a = from[base + Math.max(0, i - 1) * step];
        int b = from[base + i * step];
        int c = from[base + Math.min(length - 1, i + 1) * step];
        int r = (((a >> 16) & 255) + 2 * ((b >> 16) & 255) + ((c >> 16) & 255) + 2) >> 2;
        int gr = (((a >> 8) & 255) + 2 * ((b >> 8) & 255) + ((c >> 8) & 255) + 2) >> 2;
        int bl = ((a & 255) + 2 * (b & 255) + (c & 255) + 2) >> 2;
        to[base + i * step] = 0xFF000000 | r << 16 | gr << 8 | bl;
      }
    }
  }

  /** Java2D wants each fraction larger than the one before, all from 0 to 1. */
  static float[] rising(float[] at) {
    float[] out = new float[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = constrain(at[i], 0, 1);
      if (i > 0 && out[i] <= out[i - 1]) {
        out[i] = Math.min(1, out[i - 1] + 1e-4f);
      }
    }
    return out;
  }

  static Color[] awt(int[] colours) {
    Color[] out = new Color[colours.length];
    for (int i = 0; i < colours.length; i++) {
      out[i] = new Color(colours[i], true);
    }
    return out;
  }

  private Paint() {
  }
}
