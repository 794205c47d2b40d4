package mishmash.face;

/**
 * Turns camera pixels into the networks' input: a region of the image, padded with black to a
 * square, scaled to the network's size with TensorFlow's bilinear resize (corners not aligned, no
 * half-pixel offset, as face-api.js does), then {@code (value − mean) / 255} per channel, laid out
 * channels first.
 *
 * <p>The detector pads the whole frame at the right or bottom; the 112×112 face nets pad the crop
 * on both sides, half after (rounded) and the rest before. The pad is black before the mean is
 * subtracted, as in face-api.js.
 */
final class FaceInput {
  /** Mean RGB the 112×112 face nets (landmarks, expression, age/gender) subtract, 0..255. */
  static final float[] FACE_MEAN_RGB = {122.782f, 117.001f, 104.298f};
  /** Side of the face nets' input. */
  static final int FACE_SIZE = 112;

  /** Where the region landed in the padded square: its side before scaling and the padding before the region. */
  record Placement(int side, int padLeft, int padTop) {}

  private FaceInput() {}

  /** The whole frame for the detector: padded at the right/bottom to a square, scaled to {@code size}. */
  static Placement detector(int[] argb, int width, int height, int size, float[] out, int offset) {
    int side = Math.max(width, height);
    Placement p = new Placement(side, 0, 0);
    fill(argb, width, 0, 0, width, height, p, size, DetectorNet.MEAN_RGB, out, offset);
    return p;
  }

  /** A whole-pixel crop for a 112×112 face net: padded on both sides to a square, scaled to 112. */
  static Placement face(int[] argb, int width, Box crop, float[] out, int offset) {
    int cx = (int) crop.x();
    int cy = (int) crop.y();
    int cw = (int) crop.width();
    int ch = (int) crop.height();
    int diff = Math.abs(cw - ch);
    int after = Math.round(diff * 0.5f);
    int before = diff - after;
    Placement p = new Placement(Math.max(cw, ch), cw < ch ? before : 0, ch < cw ? before : 0);
    fill(argb, width, cx, cy, cw, ch, p, FACE_SIZE, FACE_MEAN_RGB, out, offset);
    return p;
  }

  /**
   * Writes the {@code cw × ch} region at (cx, cy), placed in a black square as {@code p} says and
   * resized to {@code size}, into {@code out} as 3 planes of {@code size × size}.
   */
  private static void fill(int[] argb, int stride, int cx, int cy, int cw, int ch, Placement p, int size,
      float[] mean, float[] out, int offset) {
    int[] lo = new int[size];
    int[] hi = new int[size];
    float[] frac = new float[size];
    axis(p.side(), size, lo, hi, frac);
    int plane = size * size;
    float[] top = new float[3];
    float[] bottom = new float[3];
    for (int oy = 0; oy < size; oy++) {
      int y0 = lo[oy] - p.padTop();
      int y1 = hi[oy] - p.padTop();
      float fy = frac[oy];
      for (int ox = 0; ox < size; ox++) {
        int x0 = lo[ox] - p.padLeft();
        int x1 = hi[ox] - p.padLeft();
        float fx = frac[ox];
        lerpRow(argb, stride, cx, cy, cw, ch, y0, x0, x1, fx, top);
        lerpRow(argb, stride, cx, cy, cw, ch, y1, x0, x1, fx, bottom);
        int o = offset + oy * size + ox;
        for (int c = 0; c < 3; c++) {
          float v = top[c] + (bottom[c] - top[c]) * fy;
          out[o + c * plane] = (v - mean[c]) / 255f;
        }
      }
    }
  }

  /** TensorFlow's source positions for each output index: floor, ceil (clamped) and the fraction between. */
  private static void axis(int in, int out, int[] lo, int[] hi, float[] frac) {
    float ratio = (float) in / out;
    for (int i = 0; i < out; i++) {
      float f = ratio * i;
      int floor = (int) Math.floor(f);
      lo[i] = Math.max(0, floor);
      hi[i] = Math.min(in - 1, (int) Math.ceil(f));
      frac[i] = f - lo[i];
    }
  }

  private static void lerpRow(int[] argb, int stride, int cx, int cy, int cw, int ch, int y, int x0, int x1, float fx,
      float[] rgb) {
    int a = pixel(argb, stride, cx, cy, cw, ch, x0, y);
    int b = pixel(argb, stride, cx, cy, cw, ch, x1, y);
    for (int c = 0; c < 3; c++) {
      int shift = 16 - 8 * c;
      float va = (a >> shift) & 0xff;
      float vb = (b >> shift) & 0xff;
      rgb[c] = va + (vb - va) * fx;
    }
  }

  /** The pixel at (x, y) of the region, or black outside it. */
  private static int pixel(int[] argb, int stride, int cx, int cy, int cw, int ch, int x, int y) {
    if (x < 0 || y < 0 || x >= cw || y >= ch) {
      return 0;
    }
    return argb[(cy + y) * stride + cx + x];
  }
}
