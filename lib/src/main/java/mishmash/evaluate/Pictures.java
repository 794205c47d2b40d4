package mishmash.evaluate;

import java.util.Random;
import mishmash.model.Image;

/**
 * Pictures made from pictures, for the domain reader's examples and the evaluation's
 * calibration rows: a cross-fade of two, a Gaussian blur, and noise.
 */
final class Pictures {
  private Pictures() {}

  /** {@code a} faded into {@code b}: t = 0 is a, t = 1 is b. Both must have the same size. */
  static Image crossFade(Image a, Image b, double t) {
    int[] pa = a.argb();
    int[] pb = b.argb();
    int[] out = new int[pa.length];
    for (int p = 0; p < out.length; p++) {
      int r = (int) Math.round((pa[p] >> 16 & 0xFF) * (1 - t) + (pb[p] >> 16 & 0xFF) * t);
      int g = (int) Math.round((pa[p] >> 8 & 0xFF) * (1 - t) + (pb[p] >> 8 & 0xFF) * t);
      int bl = (int) Math.round((pa[p] & 0xFF) * (1 - t) + (pb[p] & 0xFF) * t);
      out[p] = 0xFF000000 | r << 16 | g << 8 | bl;
    }
    return new Image(a.width(), a.height(), out);
  }

  /** A Gaussian blur with standard deviation {@code sigma} pixels (edges repeat). */
  static Image blur(Image in, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    int w = in.width();
    int h = in.height();
    float[][] planes = new float[3][w * h];
    for (int p = 0; p < w * h; p++) {
      int c = in.argb()[p];
      planes[0][p] = c >> 16 & 0xFF;
      planes[1][p] = c >> 8 & 0xFF;
      planes[2][p] = c & 0xFF;
    }
    int[] out = new int[w * h];
    for (int c = 0; c < 3; c++) {
      float[] src = planes[c];
      float[] tmp = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double s = 0;
          for (int i = -radius; i <= radius; i++) {
            s += k[i + radius] * src[y * w + Math.min(w - 1, Math.max(0, x + i))];
          }
          tmp[y * w + x] = (float) s;
        }
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double s = 0;
          for (int i = -radius; i <= radius; i++) {
            s += k[i + radius] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
          }
          int v = (int) Math.max(0, Math.min(255, Math.round(s)));
          out[y * w + x] |= v << (16 - 8 * c);
        }
      }
    }
    for (int p = 0; p < out.length; p++) {
      out[p] |= 0xFF000000;
    }
    return new Image(w, h, out);
  }

  /** Random colour noise: every pixel on its own ({@code cell} = 1) or in blocks of cell×cell, smoothed. */
  static Image noise(int size, int cell, Random random) {
    int n = (size + cell - 1) / cell;
    int[] coarse = new int[n * n];
    for (int i = 0; i < coarse.length; i++) {
      coarse[i] = 0xFF000000 | random.nextInt(1 << 24);
    }
    int[] out = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        out[y * size + x] = coarse[(y / cell) * n + x / cell];
      }
    }
    Image blocks = new Image(size, size, out);
    return cell > 1 ? blur(blocks, cell / 2.0) : blocks;
  }
}
