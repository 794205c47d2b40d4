package mishmash.specimens;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import processing.awt.PGraphicsJava2D;

/** Measures on pictures that the specimen tests share. */
final class Pictures {

  /** The attributes and pixels of pictures 0 … n-1 of one kind, drawn at size × size from --seed base. */
  static List<Attributes> attributes(int kind, int n, long base) {
    PGraphicsJava2D canvas = Dataset.offscreen(16);
    List<Attributes> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(Specimen.draw(canvas, kind, Dataset.seedOf(base, i)));
    }
    return all;
  }

  /** Luminance 0 … 255. */
  static double luma(int rgb) {
    return 0.3 * ((rgb >> 16) & 255) + 0.59 * ((rgb >> 8) & 255) + 0.11 * (rgb & 255);
  }

  /** The picture shrunk to t × t luminance, less its mean, scaled to length 1: its layout, whatever its colours. */
  static double[] layout(BufferedImage image, int t) {
    int w = image.getWidth();
    double[] v = new double[t * t];
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        v[(y * t / w) * t + x * t / w] += luma(image.getRGB(x, y));
      }
    }
    double mean = 0;
    for (double d : v) {
      mean += d / v.length;
    }
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] -= mean;
      norm += v[i] * v[i];
    }
    norm = Math.sqrt(norm) + 1e-9;
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
    return v;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * How much of a picture's layout is shared by all pictures of a group: the squared length of
   * the mean of their layouts. 1 when every picture is laid out alike; about 1/n when they have
   * nothing in common.
   */
  static double sharedLayout(List<double[]> layouts) {
    double[] mean = new double[layouts.get(0).length];
    for (double[] v : layouts) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += v[i] / layouts.size();
      }
    }
    return dot(mean, mean);
  }

  private Pictures() {
  }
}
