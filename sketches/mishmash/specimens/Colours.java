package mishmash.specimens;

import static processing.core.PApplet.constrain;
import static processing.core.PApplet.lerpColor;
import static processing.core.PConstants.RGB;

import java.util.Random;

/** Mixing colours, written as 0xAARRGGBB numbers such as {@code 0xFFE0A987}. */
public final class Colours {

  /** A colour between a (t = 0) and b (t = 1). */
  public static int mix(int a, int b, float t) {
    return lerpColor(a, b, constrain(t, 0, 1), RGB);
  }

  /** The colour mixed with black: t = 0 keeps it, t = 1 is black. */
  public static int darker(int c, float t) {
    return mix(c, 0xFF000000, t);
  }

  /** The colour mixed with white: t = 0 keeps it, t = 1 is white. */
  public static int lighter(int c, float t) {
    return mix(c, 0xFFFFFFFF, t);
  }

  /** How light a colour is, from 0 (black) to 1 (white). */
  public static float brightnessOf(int c) {
    return (((c >> 16) & 255) * 0.3f + ((c >> 8) & 255) * 0.59f + (c & 255) * 0.11f) / 255;
  }

  /** The colour with each of red, green and blue nudged by up to ± amount (three random numbers). */
  public static int vary(Random rnd, int c, int amount) {
    int r = constrain(((c >> 16) & 255) + rnd.nextInt(2 * amount + 1) - amount, 0, 255);
    int gr = constrain(((c >> 8) & 255) + rnd.nextInt(2 * amount + 1) - amount, 0, 255);
    int b = constrain((c & 255) + rnd.nextInt(2 * amount + 1) - amount, 0, 255);
    return 0xFF000000 | r << 16 | gr << 8 | b;
  }

  private Colours() {
  }
}
