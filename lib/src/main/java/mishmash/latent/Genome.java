package mishmash.latent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;

/**
 * A creature's latent genes: one z per style layer of the generator and, for a model trained on
 * several domains (faces, machines, cells), the domain each layer is drawn as ({@code mix}: one
 * weight per domain and layer, usually 1 for one domain). A fresh creature has the same z in every
 * layer, so it is just the picture its seed stands for, and a domain per {@link Bands band}: the
 * form of one domain, the skin of another. A bred one takes each layer's z and each band's domain
 * from one parent or the other. For a generator without a mapping network there is a single layer.
 *
 * @param domains how many domains {@code mix} has weights for; 0 when the genome has no mix (the
 *     model's own even blend of its domains, as the first default model drew every creature)
 */
public record Genome(int layers, int size, float[] z, int domains, float[] mix) {

  public Genome {
    if (layers < 1 || size < 1 || z.length != layers * size) {
      throw new IllegalArgumentException("a genome of " + layers + "x" + size + " needs " + layers * size
          + " values, got " + z.length);
    }
    if (domains < 0 || mix.length != layers * domains) {
      throw new IllegalArgumentException("a genome of " + layers + " layers and " + domains + " domains needs "
          + layers * domains + " domain weights, got " + mix.length);
    }
  }

  /** Genes without a mix of domains. */
  public Genome(int layers, int size, float[] z) {
    this(layers, size, z, 0, new float[0]);
  }

  /** The genome a seed stands for: {@link Latents#of} in every layer, without a mix of domains. */
  public static Genome fresh(long seed, int layers, int size) {
    float[] one = Latents.of(seed, size);
    float[] z = new float[layers * size];
    for (int l = 0; l < layers; l++) {
      System.arraycopy(one, 0, z, l * size, size);
    }
    return new Genome(layers, size, z);
  }

  /**
   * The genome a seed stands for in a model of {@code domains} domains: {@link Latents#of} in every
   * layer, and (with two domains or more) a hybrid by bands, from the seed: the form of one domain,
   * the skin of another, the parts of either.
   */
  public static Genome fresh(long seed, int layers, int size, int domains) {
    Genome g = fresh(seed, layers, size);
    if (domains < 2 || layers < Bands.COUNT) {
      return g;
    }
    java.util.Random random = new java.util.Random(seed ^ 0x48796272696DL);
    int form = random.nextInt(domains);
    int skin = (form + 1 + random.nextInt(domains - 1)) % domains;
    int parts = random.nextBoolean() ? form : skin;
    return g.withBands(new int[] {form, parts, skin}, domains);
  }

  /** This genome with one pure domain per band: {@code bands[b]} for the layers of band b. */
  public Genome withBands(int[] bands, int domains) {
    float[] m = new float[layers * domains];
    for (int l = 0; l < layers; l++) {
      m[l * domains + bands[Bands.of(l, layers)]] = 1;
    }
    return new Genome(layers, size, z, domains, m);
  }

  /** This genome's mix with other latents: {@code z} of the same shape. */
  public Genome withZ(float[] other) {
    return new Genome(layers, size, other, domains, mix);
  }

  /** True when the genome says which domain each layer is drawn as. */
  public boolean mixed() {
    return domains > 0;
  }

  /** The domain weights of layer {@code l}. */
  public float[] mixOf(int l) {
    return Arrays.copyOfRange(mix, l * domains, (l + 1) * domains);
  }

  /**
   * The strongest domain of each band, in band order (coarse, middle, fine): what a creature is made
   * of, for its label. Empty without a mix.
   */
  public int[] bands() {
    if (!mixed()) {
      return new int[0];
    }
    double[][] weight = new double[Bands.COUNT][domains];
    for (int l = 0; l < layers; l++) {
      for (int d = 0; d < domains; d++) {
        weight[Bands.of(l, layers)][d] += mix[l * domains + d];
      }
    }
    int[] out = new int[Bands.COUNT];
    for (int b = 0; b < Bands.COUNT; b++) {
      for (int d = 1; d < domains; d++) {
        out[b] = weight[b][d] > weight[b][out[b]] ? d : out[b];
      }
    }
    return out;
  }

  /**
   * This genome with {@code offset} added: one value per latent dimension, added to every layer, or
   * one per layer and dimension ({@code layers × size}, layer by layer), added to each layer's own
   * z. Null or zeros: itself.
   */
  public Genome shifted(float[] offset) {
    if (offset == null) {
      return this;
    }
    boolean perLayer = offset.length == layers * size && layers > 1;
    float[] out = z.clone();
    boolean any = false;
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < size; i++) {
        int at = perLayer ? l * size + i : i;
        if (at >= offset.length) {
          break;
        }
        out[l * size + i] += offset[at];
        any |= offset[at] != 0;
      }
    }
    return any ? new Genome(layers, size, out, domains, mix) : this;
  }

  public float[] layer(int l) {
    return Arrays.copyOfRange(z, l * size, (l + 1) * size);
  }

  /**
   * Spherical interpolation, layer by layer: t = 0 is this genome, t = 1 is {@code to}. Gaussian
   * latents live near a sphere, so slerp keeps every in-between picture as plausible as the ends.
   * Domain weights go straight from one to the other (where only one genome has them, they are
   * kept).
   */
  public Genome slerp(Genome to, float t) {
    checkSameShape(to);
    float[] out = new float[z.length];
    for (int l = 0; l < layers; l++) {
      slerp(z, to.z, l * size, size, t, out);
    }
    if (domains != to.domains) {
      Genome mixed = mixed() ? this : to;
      return new Genome(layers, size, out, mixed.domains, mixed.mix);
    }
    float[] m = new float[mix.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = mix[i] + (to.mix[i] - mix[i]) * t;
    }
    return new Genome(layers, size, out, domains, m);
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

  /** The latent genes as compact text for the archive index (little-endian float32, Base64). */
  public String encode() {
    return encode(z);
  }

  /** The domain weights as compact text, like {@link #encode()}. */
  public String encodeMix() {
    return encode(mix);
  }

  private static String encode(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** Reads {@link #encode()}'s text back; throws IllegalArgumentException on anything else. */
  public static Genome decode(int layers, int size, String text) {
    return new Genome(layers, size, floats(text, layers * size, "genes"));
  }

  /** This genome with the domain weights of {@link #encodeMix()}'s text. */
  public Genome withMix(int domains, String text) {
    float[] m = floats(text, layers * domains, "domain weights");
    for (float v : m) {
      if (v < 0) {
        throw new IllegalArgumentException("a domain weight is " + v);
      }
    }
    return new Genome(layers, size, z, domains, m);
  }

  private static float[] floats(String text, int n, String what) {
    byte[] bytes = Base64.getDecoder().decode(text);
    if (bytes.length != n * 4) {
      throw new IllegalArgumentException("expected " + n + " " + what + ", found " + bytes.length / 4.0);
    }
    float[] v = new float[n];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    for (float f : v) {
      if (!Float.isFinite(f)) {
        throw new IllegalArgumentException("a value of the " + what + " is " + f);
      }
    }
    return v;
  }

  private void checkSameShape(Genome other) {
    if (other.layers != layers || other.size != size) {
      throw new IllegalArgumentException("genomes of " + layers + "x" + size + " and " + other.layers + "x"
          + other.size + " cannot be combined: were they made by different models?");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Genome g && g.layers == layers && g.size == size && Arrays.equals(g.z, z)
        && g.domains == domains && Arrays.equals(g.mix, mix);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * layers + size) + Arrays.hashCode(z)) + Arrays.hashCode(mix);
  }
}
