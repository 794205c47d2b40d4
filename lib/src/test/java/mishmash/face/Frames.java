package mishmash.face;

/** Test frames made from others: scaled, pasted into a bigger frame, darkened, washed out. */
final class Frames {
  private Frames() {}

  /** Nearest-neighbour scaling by {@code factor}. */
  static int[] scaled(int[] argb, int w, int h, float factor) {
    int sw = Math.round(w * factor);
    int sh = Math.round(h * factor);
    int[] out = new int[sw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        out[y * sw + x] = argb[Math.min(h - 1, (int) (y / factor)) * w + Math.min(w - 1, (int) (x / factor))];
      }
    }
    return out;
  }

  /** {@code src} (w×h) at (ox, oy) in a grey {@code fw × fh} frame, cut at the frame's edges. */
  static int[] paste(int[] src, int w, int h, int fw, int fh, int ox, int oy) {
    int[] out = new int[fw * fh];
    java.util.Arrays.fill(out, 0xff808080);
    for (int y = 0; y < h && y + oy < fh; y++) {
      for (int x = 0; x < w && x + ox < fw; x++) {
        out[(y + oy) * fw + x + ox] = src[y * w + x];
      }
    }
    return out;
  }

  /** Every channel times {@code gain}: an underexposed camera. */
  static int[] dark(int[] argb, float gain) {
    return map(argb, v -> Math.round(v * gain));
  }

  /** Every channel pushed towards white, leaving {@code gain} of the contrast: an overexposed camera. */
  static int[] washedOut(int[] argb, float gain) {
    return map(argb, v -> 255 - Math.round((255 - v) * gain));
  }

  private static int[] map(int[] argb, java.util.function.IntUnaryOperator f) {
    int[] out = new int[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      out[i] = 0xff000000 | f.applyAsInt((p >> 16) & 0xff) << 16 | f.applyAsInt((p >> 8) & 0xff) << 8 | f.applyAsInt(p & 0xff);
    }
    return out;
  }
}
