package mishmash.invert;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mishmash.latent.Bands;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Styles;

/**
 * The creatures an inverter learns from and is measured on, the same for a seed every time: in
 * turn a creature as the archive grid makes it (a hybrid by bands of layers) and one domain alone,
 * each truncated by its own ψ from 0.5 to 1; and what the inverter gives for each, one w per band of
 * layers (a group). Sets of samples are disjoint: the training draws from sets 0 and 1, the
 * benchmark from others.
 */
public final class InverterSamples {
  private final Generator gan;
  private final long seed;
  private final int[] groupOf;
  private final int groups;

  public InverterSamples(Generator gan, long seed) {
    this.gan = gan;
    this.seed = seed;
    int layers = gan.styleLayers();
    this.groupOf = new int[layers];
    int g = 0;
    for (int l = 0; l < layers; l++) {
      groupOf[l] = Bands.of(l, layers);
      g = Math.max(g, groupOf[l] + 1);
    }
    this.groups = g;
  }

  /** The group (band) of each style layer. */
  public int[] groupOf() {
    return groupOf.clone();
  }

  public int groups() {
    return groups;
  }

  /** The seed of sample {@code i} of set {@code set}. */
  public long seedOf(int set, int i) {
    return seed * 7_919L + set * 1_000_000_000L + i;
  }

  /** Sample i: a grid creature (hybrid by bands) or one domain alone, in turn. */
  public Genome genome(int set, int i) {
    long s = seedOf(set, i);
    int k = Genomes.domains(gan);
    return i % 2 == 0 || k == 0 ? Genomes.fresh(gan, s) : Genomes.pure(gan, s, (i / 2) % k);
  }

  /** The truncation of the sample of a seed: 0.5 to 1. */
  public static float psi(long s) {
    return 0.5f + 0.5f * new Random(s ^ 0x9E3779B9L).nextFloat();
  }

  /** The styles of samples {@code from} to {@code from + count - 1} of a set, each truncated by its own ψ. */
  public Styles styles(int set, int from, int count) {
    List<Styles> parts = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      parts.add(Genomes.styles(gan, List.of(genome(set, i)), psi(seedOf(set, i))));
    }
    return Styles.concat(parts);
  }

  /** Face sample i: mostly a face alone; every third a hybrid with a face's form and another domain's skin. */
  public Genome faceGenome(int set, int i) {
    long s = seedOf(set, i);
    int k = Genomes.domains(gan);
    int faces = k > 0 ? gan.domains().indexOf("faces") : -1;
    if (faces < 0) {
      return Genomes.fresh(gan, s);
    }
    if (i % 3 != 2) {
      return Genomes.pure(gan, s, faces);
    }
    int skin = (faces + 1 + (int) Math.floorMod(s, k - 1)) % k;
    return Genome.fresh(s, Genomes.layers(gan), gan.latentSize()).withBands(new int[] {faces, faces, skin}, k);
  }

  /** The styles of face samples, each truncated by its own ψ. */
  public Styles faceStyles(int set, int from, int count) {
    List<Styles> parts = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      parts.add(Genomes.styles(gan, List.of(faceGenome(set, i)), psi(seedOf(set, i))));
    }
    return Styles.concat(parts);
  }

  /** The face reader for this generator's pictures: the detector at their size, small faces allowed. */
  public static mishmash.face.FaceAnalyzer faceReader(Generator gan) {
    int side = Math.max(gan.width(), gan.height());
    return mishmash.face.FaceAnalyzer.load(mishmash.model.Models.directory().resolve("face-api"),
        new mishmash.face.FaceAnalyzer.Options(Math.max(128, Math.min(416, (side + 31) / 32 * 32)), 0.4f,
            Math.max(8, side / 6)));
  }

  /** What the inverter should give for picture {@code i} of {@code s}: one w per group, the mean of its layers'. */
  public float[] target(Styles s, int i) {
    int dim = s.dim();
    float[] t = new float[groups * dim];
    int[] count = new int[groups];
    for (int l = 0; l < s.layers(); l++) {
      count[groupOf[l]]++;
    }
    for (int l = 0; l < s.layers(); l++) {
      float[] w = s.layer(i, l);
      int g = groupOf[l];
      for (int j = 0; j < dim; j++) {
        t[g * dim + j] += w[j] / count[g];
      }
    }
    return t;
  }

  /** One w per group → one per layer. */
  public Styles expand(float[] perGroup) {
    int dim = gan.styleSize();
    float[] w = new float[gan.styleLayers() * dim];
    for (int l = 0; l < gan.styleLayers(); l++) {
      System.arraycopy(perGroup, groupOf[l] * dim, w, l * dim, dim);
    }
    return new Styles(1, gan.styleLayers(), dim, w);
  }
}
