package mishmash.evaluate;

import java.util.Arrays;

/**
 * How close a set of generated pictures is to a set of real ones, measured on their features
 * (one row of floats per picture).
 *
 * <ul>
 *   <li><b>KID</b>, the kernel inception distance (Bińkowski et al. 2018): the unbiased squared
 *       maximum mean discrepancy between the two sets under the kernel (x·y / d + 1)³. 0 when both
 *       come from the same distribution (it can dip just below 0 by chance); larger is worse.</li>
 *   <li><b>Precision and recall</b> (Kynkäänniemi et al. 2019): each real picture claims a ball
 *       whose radius is the distance to its k-th nearest real neighbour; precision is the share
 *       of generated pictures inside some real ball (how many look like the data), recall the share
 *       of real pictures inside some generated ball (how much of the data the generator covers).</li>
 *   <li><b>Variety</b>: the mean distance between two pictures of a set.</li>
 * </ul>
 */
public final class Metrics {
  /** The neighbour whose distance sets a ball's radius, as in Kynkäänniemi et al. */
  public static final int K = 3;

  private Metrics() {}

  /** Unbiased MMD² with the cubic polynomial kernel. */
  public static double kid(float[][] a, float[][] b) {
    int n = a.length;
    int m = b.length;
    if (n < 2 || m < 2) {
      throw new IllegalArgumentException("KID needs at least 2 pictures in each set");
    }
    int d = a[0].length;
    double aa = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        aa += kernel(a[i], a[j], d);
      }
    }
    double bb = 0;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        bb += kernel(b[i], b[j], d);
      }
    }
    double ab = 0;
    for (float[] x : a) {
      for (float[] y : b) {
        ab += kernel(x, y, d);
      }
    }
    return 2 * aa / (n * (n - 1.0)) + 2 * bb / (m * (m - 1.0)) - 2 * ab / ((double) n * m);
  }

  private static double kernel(float[] x, float[] y, int d) {
    double t = dot(x, y) / d + 1;
    return t * t * t;
  }

  /** {precision, recall} of {@code fake} against {@code real}, with balls from the {@link #K}-th neighbour. */
  public static double[] precisionRecall(float[][] real, float[][] fake) {
    if (real.length <= K || fake.length <= K) {
      throw new IllegalArgumentException("precision and recall need more than " + K + " pictures in each set");
    }
    double[][] cross = distances(real, fake);
    double[] realRadius = radii(distances(real, real));
    double[] fakeRadius = radii(distances(fake, fake));
    int inside = 0;
    for (int f = 0; f < fake.length; f++) {
      for (int r = 0; r < real.length; r++) {
        if (cross[r][f] <= realRadius[r]) {
          inside++;
          break;
        }
      }
    }
    int covered = 0;
    for (int r = 0; r < real.length; r++) {
      for (int f = 0; f < fake.length; f++) {
        if (cross[r][f] <= fakeRadius[f]) {
          covered++;
          break;
        }
      }
    }
    return new double[] {inside / (double) fake.length, covered / (double) real.length};
  }

  /** Mean Euclidean distance between two different pictures of the set. */
  public static double variety(float[][] x) {
    if (x.length < 2) {
      throw new IllegalArgumentException("variety needs at least 2 pictures");
    }
    double[][] d = distances(x, x);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        sum += d[i][j];
      }
    }
    return sum / (x.length * (x.length - 1) / 2.0);
  }

  /** Euclidean distances between every row of a and every row of b. */
  static double[][] distances(float[][] a, float[][] b) {
    double[] na = norms(a);
    double[] nb = norms(b);
    double[][] out = new double[a.length][b.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i][j] = Math.sqrt(Math.max(0, na[i] + nb[j] - 2 * dot(a[i], b[j])));
      }
    }
    return out;
  }

  /** Each row's distance to its k-th nearest other row (the row itself, at 0, is not counted). */
  private static double[] radii(double[][] self) {
    double[] r = new double[self.length];
    for (int i = 0; i < self.length; i++) {
      double[] row = self[i].clone();
      row[i] = Double.POSITIVE_INFINITY;
      Arrays.sort(row);
      r[i] = row[K - 1];
    }
    return r;
  }

  private static double[] norms(float[][] x) {
    double[] n = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      n[i] = dot(x[i], x[i]);
    }
    return n;
  }

  static double dot(float[] x, float[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
