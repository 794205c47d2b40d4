package mishmash.model;

/**
 * Resamples a picture to another size with a triangle (bilinear) filter that widens when shrinking,
 * so a 1280×720 camera frame brought down to a model's 256×256 is averaged, not aliased. The
 * proportions are not kept: crop first if they matter. The result is opaque.
 */
public final class Resize {
  private Resize() {}

  /** The picture at {@code width}×{@code height}; the same object when it already has that size. */
  public static Image to(Image in, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("cannot resize to " + width + "x" + height);
    }
    if (in.width() == width && in.height() == height) {
      return in;
    }
    float[] planes = Pixels.toPlanes(in, 0f, 255f);
    float[] wide = pass(planes, in.width(), in.height(), width, true);
    float[] done = pass(wide, width, in.height(), height, false);
    return Pixels.toImages(done, 1, width, height, 0f, 255f)[0];
  }

  /**
   * Resamples 3 planes along one axis: rows ({@code horizontal}) or columns. {@code w}×{@code h}
   * is the planes' size; {@code to} the new length of that axis.
   */
  private static float[] pass(float[] in, int w, int h, int to, boolean horizontal) {
    int from = horizontal ? w : h;
    int outW = horizontal ? to : w;
    int outH = horizontal ? h : to;
    if (from == to) {
      return in;
    }
    Taps taps = Taps.of(from, to);
    float[] out = new float[3 * outW * outH];
    for (int c = 0; c < 3; c++) {
      int inBase = c * w * h;
      int outBase = c * outW * outH;
      for (int y = 0; y < outH; y++) {
        for (int x = 0; x < outW; x++) {
          int i = horizontal ? x : y;
          float sum = 0;
          float[] weights = taps.weights[i];
          for (int k = 0; k < weights.length; k++) {
            int j = taps.first[i] + k;
            sum += weights[k] * in[inBase + (horizontal ? y * w + j : j * w + x)];
          }
          out[outBase + y * outW + x] = sum;
        }
      }
    }
    return out;
  }

  /** For each output index: the first source index it reads and the normalised weights from there on. */
  private record Taps(int[] first, float[][] weights) {
    static Taps of(int from, int to) {
      double scale = (double) from / to;
      double radius = Math.max(1.0, scale);
      int[] first = new int[to];
      float[][] weights = new float[to][];
      for (int i = 0; i < to; i++) {
        double centre = (i + 0.5) * scale;
        int lo = Math.max(0, (int) Math.floor(centre - radius));
        int hi = Math.min(from, (int) Math.ceil(centre + radius));
        float[] w = new float[hi - lo];
        double sum = 0;
        for (int j = lo; j < hi; j++) {
          double t = 1 - Math.abs((j + 0.5 - centre) / radius);
          w[j - lo] = (float) Math.max(0, t);
          sum += w[j - lo];
        }
        for (int k = 0; k < w.length; k++) {
          w[k] /= (float) sum;
        }
        first[i] = lo;
        weights[i] = w;
      }
      return new Taps(first, weights);
    }
  }
}
