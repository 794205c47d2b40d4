package mishmash.model;

/**
 * Between packed ARGB pixels and what networks take and give: planar RGB floats (CHW), where
 * {@code black} and {@code white} are the values a model uses for 0 and 255 (its pixel_range).
 */
public final class Pixels {
  private Pixels() {}

  /**
   * @param chw {@code count} images, each 3 planes of {@code w*h} floats
   * @param black the value that means black, {@code white} the one that means white
   */
  public static Image[] toImages(float[] chw, int count, int w, int h, float black, float white) {
    int plane = w * h;
    float scale = 255f / (white - black);
    Image[] out = new Image[count];
    for (int i = 0; i < count; i++) {
      int base = i * 3 * plane;
      int[] argb = new int[plane];
      for (int p = 0; p < plane; p++) {
        int r = channel(chw[base + p], black, scale);
        int g = channel(chw[base + plane + p], black, scale);
        int b = channel(chw[base + 2 * plane + p], black, scale);
        argb[p] = 0xFF000000 | r << 16 | g << 8 | b;
      }
      out[i] = new Image(w, h, argb);
    }
    return out;
  }

  private static int channel(float v, float black, float scale) {
    float x = (v - black) * scale + 0.5f;
    if (!(x > 0)) {
      return 0; // also NaN
    }
    return x >= 255 ? 255 : (int) x;
  }

  /**
   * One picture as 3 planes of {@code width*height} floats (R, then G, then B), each channel
   * mapped linearly from 0..255 to black..white. Alpha is ignored: the booth's photos are opaque.
   */
  public static float[] toPlanes(Image image, float black, float white) {
    int plane = image.width() * image.height();
    float scale = (white - black) / 255f;
    float[] chw = new float[3 * plane];
    int[] argb = image.argb();
    for (int p = 0; p < plane; p++) {
      int c = argb[p];
      chw[p] = black + (c >> 16 & 0xFF) * scale;
      chw[plane + p] = black + (c >> 8 & 0xFF) * scale;
      chw[2 * plane + p] = black + (c & 0xFF) * scale;
    }
    return chw;
  }

  /**
   * The colour at (x, y) of a picture, interpolated between its four nearest pixels (coordinates
   * in pixels, 0 at the first pixel's centre); outside the picture, its nearest edge. Opaque.
   */
  public static int bilinear(int[] argb, int w, int h, double x, double y) {
    x = Math.max(0, Math.min(w - 1, x));
    y = Math.max(0, Math.min(h - 1, y));
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(w - 1, x0 + 1);
    int y1 = Math.min(h - 1, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    int a = argb[y0 * w + x0];
    int b = argb[y0 * w + x1];
    int c = argb[y1 * w + x0];
    int d = argb[y1 * w + x1];
    int out = 0xFF000000;
    for (int shift = 0; shift <= 16; shift += 8) {
      double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
      double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
      out |= ((int) Math.round(top * (1 - fy) + bottom * fy) & 255) << shift;
    }
    return out;
  }
}
