package mishmash.latent;

import java.util.Random;

/**
 * How a child is made from two parents, in latent space. Everything random comes from the child's
 * seed, so the same parents, seed and settings always give the same child.
 */
public final class Breeding {
  private Breeding() {}

  /** A child's genes, and whether they are a fresh random draw rather than inherited. */
  public record Offspring(Genome genome, boolean fresh) {}

  /**
   * @param mutation how far the child strays: 0 keeps exactly the parents' genes, 1 mixes in as much
   *     noise as gene, 2 is mostly noise. The result is rescaled so it stays a typical latent.
   * @param randomness the chance (0..1) that the child is a completely new creature instead
   */
  public static Offspring breed(Genome a, Genome b, long seed, float mutation, float randomness) {
    if (a.layers() != b.layers() || a.size() != b.size()) {
      throw new IllegalArgumentException("parents of different shapes cannot breed");
    }
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    if (random.nextFloat() < randomness) {
      return new Offspring(Genome.fresh(seed, a.layers(), a.size(), a.domains()), true);
    }
    int layers = a.layers();
    int size = a.size();
    float[] z = new float[layers * size];
    if (layers > 1) {
      // per layer: coarse shape from one parent, fine texture from the other, as in style mixing
      for (int l = 0; l < layers; l++) {
        Genome from = random.nextBoolean() ? a : b;
        System.arraycopy(from.z(), l * size, z, l * size, size);
      }
    } else {
      for (int i = 0; i < size; i++) {
        z[i] = random.nextBoolean() ? a.z()[i] : b.z()[i];
      }
    }
    mutate(z, mutation, random);
    return new Offspring(new Genome(layers, size, z, a.domains(), domains(a, b, random, mutation)), false);
  }

  /**
   * A child that lies between its parents, as in Artbreeder: {@code t} of the way from {@code a} to
   * {@code b} along the sphere latents live on (0 is {@code a}, 1 is {@code b}), with their domain
   * weights blended as much, then {@code mutation} of noise (0: exactly on the path between them; the
   * result is rescaled so it stays a typical latent). The noise comes from {@code seed}.
   */
  public static Genome between(Genome a, Genome b, float t, long seed, float mutation) {
    Genome child = a.slerp(b, t);
    if (!(mutation > 0)) {
      return child;
    }
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL);
    float[] z = child.z().clone();
    mutate(z, mutation, random);
    return child.withZ(z);
  }

  /** Mixes {@code mutation} of Gaussian noise into z, rescaled so it stays a typical latent. */
  private static void mutate(float[] z, float mutation, Random random) {
    if (mutation > 0) {
      double keep = 1 / Math.sqrt(1 + (double) mutation * mutation);
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) ((z[i] + mutation * random.nextGaussian()) * keep);
      }
    }
  }

  /**
   * A child pulled toward a domain, as a performer's dial {@code human ↔ machine ↔ cell} asks: each
   * {@link Bands band} becomes, with chance {@code pull}, the domain at {@code kind} (0 the first
   * domain, 1 the second, …; between two whole numbers, the nearer one more often). The same
   * genome with pull 0 or without domains.
   */
  public static Genome lean(Genome g, float kind, float pull, Random random) {
    int k = g.domains();
    if (k < 2 || !(pull > 0)) {
      return g;
    }
    float at = Math.max(0, Math.min(k - 1, kind));
    int[] bands = g.bands();
    boolean changed = false;
    for (int b = 0; b < Bands.COUNT; b++) {
      if (random.nextFloat() < pull) {
        int low = (int) Math.floor(at);
        int d = random.nextFloat() < at - low ? Math.min(k - 1, low + 1) : low;
        changed |= bands[b] != d;
        bands[b] = d;
      }
    }
    return changed ? g.withBands(bands, k) : g;
  }

  /** Chance, per band and unit of mutation, that a child's band turns to another domain. */
  static final float DOMAIN_MUTATION = 0.1f;

  /**
   * A child's domain weights: each {@link Bands band} whole from one parent or the other (a band's
   * layers are trained together), and with chance {@code mutation} × {@link #DOMAIN_MUTATION} a band
   * turns to another domain.
   */
  static float[] domains(Genome a, Genome b, Random random, float mutation) {
    int k = a.domains();
    if (k == 0 || b.domains() != k) {
      return a.mix().clone();
    }
    int layers = a.layers();
    Genome[] from = new Genome[Bands.COUNT];
    int[] turn = new int[Bands.COUNT];
    for (int band = 0; band < Bands.COUNT; band++) {
      from[band] = random.nextBoolean() ? a : b;
      turn[band] = random.nextFloat() < mutation * DOMAIN_MUTATION && k > 1 ? 1 + random.nextInt(k - 1) : 0;
    }
    float[] mix = new float[layers * k];
    for (int l = 0; l < layers; l++) {
      int band = Bands.of(l, layers);
      float[] m = from[band].mixOf(l);
      for (int d = 0; d < k; d++) {
        mix[l * k + (d + turn[band]) % k] = m[d];
      }
    }
    return mix;
  }
}
