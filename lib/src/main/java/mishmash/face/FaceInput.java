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
   * resized to {@code size}, into {@code out} as 3 planes of {@code size × size}. Bilinear in two
   * passes: each source row needed is blended across once (kept for the next output row, which
   * mostly needs it again), then pairs of rows are blended down.
   */
  private static void fill(int[] argb, int stride, int cx, int cy, int cw, int ch, Placement p, int size,
      float[] mean, float[] out, int offset) {
    int[] lo = new int[size];
    int[] hi = new int[size];
    float[] frac = new float[size];
    axis(p.side(), size, lo, hi, frac);
    int plane = size * size;
    float[][] rows = {new float[3 * size], new float[3 * size]};
    int[] rowOf = {Integer.MIN_VALUE, Integer.MIN_VALUE};
    for (int oy = 0; oy < size; oy++) {
      float[] top = row(argb, stride, cx, cy, cw, ch, p, lo[oy] - p.padTop(), lo, hi, frac, rows, rowOf);
      float[] bottom = row(argb, stride, cx, cy, cw, ch, p, hi[oy] - p.padTop(), lo, hi, frac, rows, rowOf);
      float fy = frac[oy];
      int o = offset + oy * size;
      for (int c = 0; c < 3; c++) {
        float m = mean[c];
        int base = c * size;
        int to = o + c * plane;
        for (int ox = 0; ox < size; ox++) {
          float t = top[base + ox];
          out[to + ox] = (t + (bottom[base + ox] - t) * fy - m) / 255f;
        }
      }
    }
  }

  /** Source row {@code y} of the region (black outside it) blended across to {@code size} columns, from a two-row cache. */
  private static float[] row(int[] argb, int stride, int cx, int cy, int cw, int ch, Placement p, int y,
      int[] lo, int[] hi, float[] frac, float[][] rows, int[] rowOf) {
    for (int i = 0; i < 2; i++) {
      if (rowOf[i] == y) {
        return rows[i];
      }
    }
    // replace the row the caller is not about to use: the older one (lower source row)
    int slot = rowOf[0] < rowOf[1] ? 0 : 1;
    float[] r = rows[slot];
    rowOf[slot] = y;
    int size = lo.length;
    if (y < 0 || y >= ch) {
      java.util.Arrays.fill(r, 0f);
      return r;
    }
    int start = (cy + y) * stride + cx;
    for (int ox = 0; ox < size; ox++) {
      int x0 = lo[ox] - p.padLeft();
      int x1 = hi[ox] - p.padLeft();
      int a = x0 >= 0 && x0 < cw ? argb[start + x0] : 0;
      int b = x1 >= 0 && x1 < cw ? argb[start + x1] : 0;
      float fx = frac[ox];
      for (int c = 0; c < 3; c++) {
        int shift = 16 - 8 * c;
        float va = (a >> shift) & 0xff;
        r[c * size + ox] = va + (((b >> shift) & 0xff) - va) * fx;
      }
    }
    return r;
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
}
