package mishmash.sketch;

/** Bilinear resampling of packed RGB pixels, two channels at a time in one int. */
public final class Scale {
  private Scale() {}

  /**
   * Draws {@code src} into {@code target} at the target's size (mirrored left to right when asked),
   * so the sketch can show it with a plain copy: JAVA2D redoes a scaled draw in software every frame.
   */
  public static void into(processing.core.PImage target, int[] src, int sw, int sh, boolean mirrored) {
    target.loadPixels();
    bilinear(src, sw, sh, target.pixels, target.width, target.height);
    if (mirrored) {
      int[] px = target.pixels;
      for (int y = 0; y < target.height; y++) {
        for (int a = y * target.width, b = a + target.width - 1; a < b; a++, b--) {
          int t = px[a];
          px[a] = px[b];
          px[b] = t;
        }
      }
    }
    target.updatePixels();
  }

  static void bilinear(int[] src, int sw, int sh, int[] dst, int dw, int dh) {
    int[] x0 = new int[dw];
    int[] x1 = new int[dw];
    int[] fx = new int[dw];
    for (int x = 0; x < dw; x++) {
      double sx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / dw - 0.5));
      x0[x] = (int) sx;
      x1[x] = Math.min(sw - 1, x0[x] + 1);
      fx[x] = (int) ((sx - x0[x]) * 256);
    }
    for (int y = 0; y < dh; y++) {
      double sy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / dh - 0.5));
      int y0 = (int) sy;
      int r0 = y0 * sw;
      int r1 = Math.min(sh - 1, y0 + 1) * sw;
      int fy = (int) ((sy - y0) * 256);
      int out = y * dw;
      for (int x = 0; x < dw; x++) {
        int top = lerp(src[r0 + x0[x]], src[r0 + x1[x]], fx[x]);
        int bottom = lerp(src[r1 + x0[x]], src[r1 + x1[x]], fx[x]);
        dst[out + x] = 0xFF000000 | lerp(top, bottom, fy);
      }
    }
  }

  /** p + (q - p) * w / 256 for each of R, G, B. */
  static int lerp(int p, int q, int w) {
    int v = 256 - w;
    int rb = ((p & 0xFF00FF) * v + (q & 0xFF00FF) * w) >>> 8 & 0xFF00FF;
    int g = ((p & 0x00FF00) * v + (q & 0x00FF00) * w) >>> 8 & 0x00FF00;
    return rb | g;
  }
}
