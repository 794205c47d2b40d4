package mishmash.model;

/** Network output (planar RGB floats) to packed ARGB pixels. */
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
}
