package mishmash.latent;

import java.util.Random;

/** Latent vectors: standard normal, and the same for the same seed on every machine. */
public final class Latents {
  private Latents() {}

  /** The latent a seed stands for. A creature's seed is its name, so it can always be re-derived. */
  public static float[] of(long seed, int size) {
    Random random = new Random(seed);
    float[] z = new float[size];
    for (int i = 0; i < size; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return z;
  }

  /** {@code count} latents for seeds {@code seed, seed+1, …}. */
  public static float[][] batch(long seed, int count, int size) {
    float[][] out = new float[count][];
    for (int i = 0; i < count; i++) {
      out[i] = of(seed + i, size);
    }
    return out;
  }
}
