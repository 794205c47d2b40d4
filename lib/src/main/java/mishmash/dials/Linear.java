package mishmash.dials;

/**
 * The little linear algebra the dials need, on plain arrays: ridge regression (a direction along
 * which an attribute grows), symmetric eigenvectors (principal directions, SeFa), and projecting
 * directions out of one another.
 */
final class Linear {
  private Linear() {}

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** {@code a} scaled to length 1 (zeros stay zeros). */
  static float[] unit(float[] a) {
    double n = norm(a);
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = n == 0 ? 0 : (float) (a[i] / n);
    }
    return out;
  }

  static float[] unit(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return unit(f);
  }

  /** The mean of the rows. */
  static double[] mean(float[][] x) {
    double[] m = new double[x[0].length];
    for (float[] row : x) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < m.length; j++) {
      m[j] /= x.length;
    }
    return m;
  }

  /**
   * Ridge regression of {@code y} on the rows of {@code x}: the coefficients β of y ≈ c + β·x, with
   * {@code lambda} times the mean variance of x as the penalty (so it does not depend on x's scale).
   */
  static double[] ridge(float[][] x, double[] y, double lambda) {
    int d = x[0].length;
    int n = x.length;
    double[] mx = mean(x);
    double my = 0;
    for (double v : y) {
      my += v / n;
    }
    double[][] a = new double[d][d];
    double[] b = new double[d];
    double[] c = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        c[j] = x[i][j] - mx[j];
      }
      double yi = y[i] - my;
      for (int j = 0; j < d; j++) {
        double cj = c[j];
        b[j] += cj * yi;
        double[] row = a[j];
        for (int k = j; k < d; k++) {
          row[k] += cj * c[k];
        }
      }
    }
    double trace = 0;
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < j; k++) {
        a[j][k] = a[k][j];
      }
      trace += a[j][j];
    }
    double penalty = lambda * trace / d;
    for (int j = 0; j < d; j++) {
      a[j][j] += penalty;
    }
    return solve(a, b);
  }

  /** Solves a x = b for a symmetric positive definite a (Cholesky); a and b are overwritten. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    for (int j = 0; j < n; j++) {
      double s = a[j][j];
      for (int k = 0; k < j; k++) {
        s -= a[j][k] * a[j][k];
      }
      if (s <= 0) {
        throw new IllegalArgumentException("the system is not positive definite (" + s + " at " + j + ")");
      }
      a[j][j] = Math.sqrt(s);
      for (int i = j + 1; i < n; i++) {
        double t = a[i][j];
        for (int k = 0; k < j; k++) {
          t -= a[i][k] * a[j][k];
        }
        a[i][j] = t / a[j][j];
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= a[i][k] * y[k];
      }
      y[i] = t / a[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double t = y[i];
      for (int k = i + 1; k < n; k++) {
        t -= a[k][i] * x[k];
      }
      x[i] = t / a[i][i];
    }
    return x;
  }

  /** The covariance matrix of the rows. */
  static double[][] covariance(float[][] x) {
    int d = x[0].length;
    double[] m = mean(x);
    double[][] c = new double[d][d];
    double[] r = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        r[j] = row[j] - m[j];
      }
      for (int j = 0; j < d; j++) {
        for (int k = j; k < d; k++) {
          c[j][k] += r[j] * r[k];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      for (int k = j; k < d; k++) {
        c[j][k] /= x.length;
        c[k][j] = c[j][k];
      }
    }
    return c;
  }

  /**
   * The top {@code k} eigenvectors of a symmetric matrix, largest eigenvalue first, by power
   * iteration with deflation (enough for the few principal directions the dials take).
   */
  static float[][] topEigenvectors(double[][] s, int k, long seed) {
    int d = s.length;
    double[][] m = new double[d][];
    for (int i = 0; i < d; i++) {
      m[i] = s[i].clone();
    }
    java.util.Random random = new java.util.Random(seed);
    float[][] out = new float[Math.min(k, d)][];
    for (int e = 0; e < out.length; e++) {
      double[] v = new double[d];
      for (int i = 0; i < d; i++) {
        v[i] = random.nextGaussian();
      }
      double lambda = 0;
      for (int iter = 0; iter < 500; iter++) {
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
          double t = 0;
          for (int j = 0; j < d; j++) {
            t += m[i][j] * v[j];
          }
          w[i] = t;
        }
        double n = 0;
        for (double t : w) {
          n += t * t;
        }
        n = Math.sqrt(n);
        if (n == 0) {
          break;
        }
        double change = 0;
        for (int i = 0; i < d; i++) {
          double t = w[i] / n;
          change += Math.abs(t - v[i]);
          v[i] = t;
        }
        lambda = n;
        if (change < 1e-9 * d) {
          break;
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          m[i][j] -= lambda * v[i] * v[j];
        }
      }
      out[e] = unit(v);
    }
    return out;
  }

  /**
   * {@code v} with its component in the span of {@code others} removed (least squares on their
   * Gram matrix, so the others need not be orthogonal to one another).
   */
  static float[] without(float[] v, java.util.List<float[]> others) {
    int k = others.size();
    if (k == 0) {
      return v.clone();
    }
    double[][] g = new double[k][k];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        g[i][j] = dot(others.get(i), others.get(j));
      }
      g[i][i] += 1e-6;
      b[i] = dot(others.get(i), v);
    }
    double[] c = solve(g, b);
    float[] out = v.clone();
    for (int i = 0; i < k; i++) {
      float[] o = others.get(i);
      for (int j = 0; j < out.length; j++) {
        out[j] -= (float) (c[i] * o[j]);
      }
    }
    return out;
  }
}
