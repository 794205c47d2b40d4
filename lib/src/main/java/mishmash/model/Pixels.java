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
}
