package mishmash.latent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;

/**
 * A creature's latent genes: one z per style layer of the generator. A fresh creature has the
 * same z in every layer, so it is just the picture its seed stands for; a bred one can take its
 * coarse layers (shape) from one parent and its fine layers (texture, colour) from the other. For a
 * generator without a mapping network there is a single layer.
 */
public record Genome(int layers, int size, float[] z) {

  public Genome {
    if (layers < 1 || size < 1 || z.length != layers * size) {
      throw new IllegalArgumentException("a genome of " + layers + "x" + size + " needs " + layers * size
          + " values, got " + z.length);
    }
  }

  /** The genome a seed stands for: {@link Latents#of} in every layer. */
  public static Genome fresh(long seed, int layers, int size) {
    float[] one = Latents.of(seed, size);
    float[] z = new float[layers * size];
    for (int l = 0; l < layers; l++) {
      System.arraycopy(one, 0, z, l * size, size);
    }
    return new Genome(layers, size, z);
  }

  /** This genome with {@code offset} (one value per latent dimension) added to every layer; null or zeros: itself. */
  public Genome shifted(float[] offset) {
    if (offset == null) {
      return this;
    }
    float[] out = z.clone();
    boolean any = false;
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < Math.min(size, offset.length); i++) {
        out[l * size + i] += offset[i];
        any |= offset[i] != 0;
      }
    }
    return any ? new Genome(layers, size, out) : this;
  }

  public float[] layer(int l) {
    return Arrays.copyOfRange(z, l * size, (l + 1) * size);
  }

  /**
   * Spherical interpolation, layer by layer: t = 0 is this genome, t = 1 is {@code to}. Gaussian
   * latents live near a sphere, so slerp keeps every in-between picture as plausible as the ends.
   */
  public Genome slerp(Genome to, float t) {
    checkSameShape(to);
    float[] out = new float[z.length];
    for (int l = 0; l < layers; l++) {
      slerp(z, to.z, l * size, size, t, out);
    }
    return new Genome(layers, size, out);
  }

  static void slerp(float[] a, float[] b, int from, int n, float t, float[] out) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = from; i < from + n; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    double cos = na == 0 || nb == 0 ? 1 : dot / Math.sqrt(na * nb);
    double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
    double wa;
    double wb;
    if (omega < 1e-4) {
      wa = 1 - t;
      wb = t;
    } else {
      double sin = Math.sin(omega);
      wa = Math.sin((1 - t) * omega) / sin;
      wb = Math.sin(t * omega) / sin;
    }
    for (int i = from; i < from + n; i++) {
      out[i] = (float) (wa * a[i] + wb * b[i]);
    }
  }

  /** The genes as compact text for the archive index (little-endian float32, Base64). */
  public String encode() {
    ByteBuffer bytes = ByteBuffer.allocate(z.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(z);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** Reads {@link #encode()}'s text back; throws IllegalArgumentException on anything else. */
  public static Genome decode(int layers, int size, String text) {
    byte[] bytes = Base64.getDecoder().decode(text);
    if (bytes.length != layers * size * 4) {
      throw new IllegalArgumentException("expected " + layers * size + " genes, found " + bytes.length / 4.0);
    }
    float[] z = new float[layers * size];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(z);
    for (float v : z) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("a gene is " + v);
      }
    }
    return new Genome(layers, size, z);
  }

  private void checkSameShape(Genome other) {
    if (other.layers != layers || other.size != size) {
      throw new IllegalArgumentException("genomes of " + layers + "x" + size + " and " + other.layers + "x"
          + other.size + " cannot be combined: were they made by different models?");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Genome g && g.layers == layers && g.size == size && Arrays.equals(g.z, z);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * layers + size) + Arrays.hashCode(z);
  }
}
