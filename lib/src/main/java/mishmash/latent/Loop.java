package mishmash.latent;

import java.util.Random;

/**
 * A closed path through latent space: a circle around a creature, which comes back exactly where it
 * began at the end of every turn, so a latent walk along it is a perfect loop.
 *
 * <p>The circle lies on the sphere where Gaussian latents live (radius √n): its centre is the
 * creature the seed stands for, and {@code radius} sets how far the walk strays from it, from 0 (the
 * creature itself, still) to 1 (a great circle, through creatures as unlike each other as two random
 * ones). Everything comes from the seed, so the same seed is the same loop on every machine.
 */
public final class Loop {
  private final double[] centre;
  private final double[] u;
  private final double[] v;

  public Loop(long seed, int size) {
    if (size < 2) {
      throw new IllegalArgumentException("a loop needs a latent of 2 or more dimensions, not " + size);
    }
    Random random = new Random(seed);
    centre = gaussian(random, size);
    u = gaussian(random, size);
    v = gaussian(random, size);
    // three orthogonal directions of length √n (Gram–Schmidt)
    normalise(centre);
    remove(u, centre);
    normalise(u);
    remove(v, centre);
    remove(v, u);
    normalise(v);
  }

  /** Latent size. */
  public int size() {
    return centre.length;
  }

  /**
   * The latent at {@code phase} (turns: 0, 1, 2 … are the same point; only the fraction counts) and
   * {@code radius} (0 the centre creature … 1 a great circle).
   */
  public float[] at(double phase, double radius) {
    double turn = phase - Math.floor(phase); // exactly 0 at every whole turn: frame 0 = frame N
    double theta = 2 * Math.PI * turn;
    double rho = Math.max(0, Math.min(1, radius)) * Math.PI / 2;
    double c = Math.cos(rho);
    double s = Math.sin(rho);
    double cu = Math.cos(theta) * s;
    double sv = Math.sin(theta) * s;
    float[] z = new float[centre.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (c * centre[i] + cu * u[i] + sv * v[i]);
    }
    return z;
  }

  /** {@code like}'s genome (its layers and its mix of domains) with the loop's latent in every layer. */
  public Genome at(Genome like, double phase, double radius) {
    float[] one = at(phase, radius);
    if (like.size() != one.length) {
      throw new IllegalArgumentException("a loop of " + one.length + " dimensions for a genome of " + like.size());
    }
    float[] z = new float[like.layers() * one.length];
    for (int l = 0; l < like.layers(); l++) {
      System.arraycopy(one, 0, z, l * one.length, one.length);
    }
    return like.withZ(z);
  }

  private static double[] gaussian(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  private static void normalise(double[] x) {
    double norm = 0;
    for (double d : x) {
      norm += d * d;
    }
    double scale = Math.sqrt(x.length / Math.max(norm, 1e-30));
    for (int i = 0; i < x.length; i++) {
      x[i] *= scale;
    }
  }

  /** x minus its part along d. */
  private static void remove(double[] x, double[] d) {
    double dot = 0;
    double dd = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * d[i];
      dd += d[i] * d[i];
    }
    for (int i = 0; i < x.length; i++) {
      x[i] -= dot / dd * d[i];
    }
  }
}
