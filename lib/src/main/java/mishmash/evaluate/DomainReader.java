package mishmash.evaluate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * Reads which domains a picture shows, from its features: one logistic "is there a face / a
 * machine / a cell in it?" per domain, each on its own, so that a picture can show two domains at
 * once — or none. (A softmax would have to share out certainty among the domains and could never
 * say "nothing I know".)
 *
 * <p>It learns from three kinds of example: the specimens of each domain (that domain present);
 * cross-fades of two specimens of different domains (both present, since both can be seen); and
 * pictures that show nothing: specimens blurred beyond recognition and noise (none present).
 *
 * <p>{@link #THRESHOLD}: a domain counts as present at a probability of 0.25 or more.
 */
public final class DomainReader {
  /** From this probability on, a domain counts as seen in the picture. */
  public static final double THRESHOLD = 0.25;
  static final String MAGIC = "mishmash-domain-reader";
  static final int VERSION = 1;

  private final int domains;
  private final float[] mean;
  private final float[] scale;
  private final float[][] weights;
  private final float[] bias;

  private DomainReader(float[] mean, float[] scale, float[][] weights, float[] bias) {
    this.domains = weights.length;
    this.mean = mean;
    this.scale = scale;
    this.weights = weights;
    this.bias = bias;
  }

  /** One training example: features and, per domain, 1 when it is present, else 0. */
  public record Example(float[] features, float[] present) {}

  /**
   * Fits the reader by full-batch Adam on the examples' standardised features, with a little L2
   * so that the weights stay finite on separable data. Deterministic for a seed.
   */
  public static DomainReader train(List<Example> examples, int domains, long seed) {
    int n = examples.size();
    int d = examples.get(0).features().length;
    float[] mean = new float[d];
    float[] scale = new float[d];
    for (Example e : examples) {
      for (int j = 0; j < d; j++) {
        mean[j] += e.features()[j] / n;
      }
    }
    for (Example e : examples) {
      for (int j = 0; j < d; j++) {
        float c = e.features()[j] - mean[j];
        scale[j] += c * c / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = (float) (1 / Math.sqrt(scale[j] + 1e-6));
    }
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      x[i] = standardise(examples.get(i).features(), mean, scale);
    }
    float[][] w = new float[domains][d];
    float[] b = new float[domains];
    Random random = new Random(seed);
    for (float[] row : w) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (random.nextGaussian() * 0.01);
      }
    }
    double lambda = 1e-3;
    double rate = 0.01;
    float[][] mw = new float[domains][d];
    float[][] vw = new float[domains][d];
    float[] mb = new float[domains];
    float[] vb = new float[domains];
    for (int step = 1; step <= 400; step++) {
      float[][] gw = new float[domains][d];
      float[] gb = new float[domains];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < domains; k++) {
          double p = sigmoid(Metrics.dot(w[k], x[i]) + b[k]);
          float err = (float) ((p - examples.get(i).present()[k]) / n);
          gb[k] += err;
          float[] g = gw[k];
          float[] xi = x[i];
          for (int j = 0; j < d; j++) {
            g[j] += err * xi[j];
          }
        }
      }
      double c1 = 1 - Math.pow(0.9, step);
      double c2 = 1 - Math.pow(0.999, step);
      for (int k = 0; k < domains; k++) {
        for (int j = 0; j < d; j++) {
          float g = (float) (gw[k][j] + lambda * w[k][j]);
          mw[k][j] = 0.9f * mw[k][j] + 0.1f * g;
          vw[k][j] = 0.999f * vw[k][j] + 0.001f * g * g;
          w[k][j] -= (float) (rate * (mw[k][j] / c1) / (Math.sqrt(vw[k][j] / c2) + 1e-8));
        }
        mb[k] = 0.9f * mb[k] + 0.1f * gb[k];
        vb[k] = 0.999f * vb[k] + 0.001f * gb[k] * gb[k];
        b[k] -= (float) (rate * (mb[k] / c1) / (Math.sqrt(vb[k] / c2) + 1e-8));
      }
    }
    return new DomainReader(mean, scale, w, b);
  }

  /** Per domain, the probability that it is in the picture with these features. */
  public double[] read(float[] features) {
    float[] x = standardise(features, mean, scale);
    double[] p = new double[domains];
    for (int k = 0; k < domains; k++) {
      p[k] = sigmoid(Metrics.dot(weights[k], x) + bias[k]);
    }
    return p;
  }

  /** How many domains reach {@link #THRESHOLD} in these probabilities. */
  public static int seen(double[] p) {
    int n = 0;
    for (double v : p) {
      n += v >= THRESHOLD ? 1 : 0;
    }
    return n;
  }

  public int domains() {
    return domains;
  }

  private static float[] standardise(float[] f, float[] mean, float[] scale) {
    float[] x = new float[f.length];
    for (int j = 0; j < f.length; j++) {
      x[j] = (f[j] - mean[j]) * scale[j];
    }
    return x;
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  void write(DataOutputStream out) throws IOException {
    mishmash.files.Header.write(out, MAGIC, VERSION);
    out.writeInt(domains);
    out.writeInt(mean.length);
    writeFloats(out, mean);
    writeFloats(out, scale);
    for (float[] row : weights) {
      writeFloats(out, row);
    }
    writeFloats(out, bias);
  }

  /** Reads what {@link #write} wrote; throws IOException for anything else. */
  static DomainReader read(DataInputStream in) throws IOException {
    if (mishmash.files.Header.version(in, MAGIC) != VERSION) {
      throw new IOException("not a domain reader of version " + VERSION);
    }
    int k = in.readInt();
    int d = in.readInt();
    if (k < 1 || k > 64 || d < 1 || d > 1 << 16) {
      throw new IOException("a domain reader of " + k + " domains and " + d + " features");
    }
    float[] mean = readFloats(in, d);
    float[] scale = readFloats(in, d);
    float[][] w = new float[k][];
    for (int i = 0; i < k; i++) {
      w[i] = readFloats(in, d);
    }
    return new DomainReader(mean, scale, w, readFloats(in, k));
  }

  static void writeFloats(DataOutputStream out, float[] v) throws IOException {
    for (float f : v) {
      out.writeFloat(f);
    }
  }

  static float[] readFloats(DataInputStream in, int n) throws IOException {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readFloat();
    }
    return v;
  }
}
