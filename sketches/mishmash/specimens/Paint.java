package mishmash.specimens;

import static mishmash.specimens.Colours.mix;

import processing.core.PGraphics;

/** Soft light and shade shared by all three kinds: gradients, glows and a vignette. */
public final class Paint {

  /** A vertical gradient made of thin horizontal bands. */
  public static void verticalGradient(PGraphics g, float x, float y, float w, float h, int top, int bottom) {
    g.noStroke();
    int bands = 32;
    for (int i = 0; i < bands; i++) {
      g.fill(mix(top, bottom, i / (bands - 1f)));
      g.rect(x, y + h * i / bands, w, h / bands + 1);
    }
  }

  /** A round gradient: circles from the outside in, each smaller and a step closer to the inner colour. */
  public static void radialGradient(PGraphics g, float x, float y, float r, int inner, int outer) {
    g.noStroke();
    int steps = 32;
    for (int i = 0; i < steps; i++) {
      float t = i / (float) steps;
      g.fill(mix(outer, inner, t));
      float d = 2 * r * (1 - t);
      g.ellipse(x, y, d, d);
    }
  }

  /** A soft glow of light: many faint circles stacked, so the middle gets the most. */
  public static void glow(PGraphics g, float x, float y, float r, int colour, float strength) {
    g.noStroke();
    int steps = 16;
    for (int i = 0; i < steps; i++) {
      float d = 2 * r * (1 - i / (float) steps);
      g.fill(colour, 255 * strength * 2 / steps);
      g.ellipse(x, y, d, d);
    }
  }

  /** Darker corners, as in an old photograph. */
  public static void vignette(PGraphics g, float strength) {
    g.noFill();
    for (int i = 0; i < 10; i++) {
      g.stroke(0, strength * 22 * (i + 1) / 10f);
      g.strokeWeight(16);
      float d = 250 + i * 16;
      g.ellipse(128, 128, d, d);
    }
    g.noStroke();
  }

  private Paint() {
  }
}
