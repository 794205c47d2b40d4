package mishmash.latent;

import java.util.ArrayList;
import java.util.List;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Styles;

/** Drawing genomes with a generator: each layer's z goes through the mapping network on its own. */
public final class Genomes {
  private Genomes() {}

  /** How many layers a genome for this generator has. */
  public static int layers(Generator gan) {
    return gan.hasMapping() ? gan.styleLayers() : 1;
  }

  /** How many domains a genome for this generator mixes: the model's, when it can draw layers of different ones. */
  public static int domains(Generator gan) {
    int k = gan.domains().size();
    return gan.hasMapping() && k >= 2 && gan.styleLayers() >= Bands.COUNT ? k : 0;
  }

  /** The creature a seed stands for in this generator: with several domains, a hybrid by bands. */
  public static Genome fresh(Generator gan, long seed) {
    return Genome.fresh(seed, layers(gan), gan.latentSize(), domains(gan));
  }

  /**
   * The creature a seed stands for, drawn wholly as domain {@code domain} (its index in the model's
   * domains): a face all through, a machine all through. A model that cannot draw layers of
   * different domains gives {@link #fresh} instead.
   */
  public static Genome pure(Generator gan, long seed, int domain) {
    Genome g = Genome.fresh(seed, layers(gan), gan.latentSize());
    int k = domains(gan);
    if (k == 0) {
      return g;
    }
    if (domain < 0 || domain >= k) {
      throw new IllegalArgumentException("domain " + domain + " of model \"" + gan.manifest().name() + "\", which has "
          + k + " (" + String.join(", ", gan.domains()) + ")");
    }
    return g.withBands(new int[] {domain, domain, domain}, k);
  }

  /**
   * The pictures of several genomes in one batch, truncated by psi. A layer drawn as one domain gets
   * that domain's w (truncated toward that domain's average creature); a layer with weights on
   * several domains gets the weighted average of their w, a blend in w space, which stays a picture
   * the model knows far better than a blend of its domain labels would. A genome without a mix is
   * drawn as the model's even blend of its domains, as the first default model drew every creature.
   */
  public static Image[] render(Generator gan, List<Genome> genomes, float psi) {
    return genomes.isEmpty() ? new Image[0] : gan.synthesize(styles(gan, genomes, psi));
  }

  /**
   * The styles (w per layer) that {@link #render} draws these genomes from, in one batch: to blend
   * or steer creatures in w space (the mirror's likeness, the semantic dials) before drawing them.
   */
  public static Styles styles(Generator gan, List<Genome> genomes, float psi) {
    int layers = layers(gan);
    int size = gan.latentSize();
    if (genomes.isEmpty()) {
      throw new IllegalArgumentException("no genomes to draw");
    }
    for (Genome g : genomes) {
      if (g.layers() != layers || g.size() != size) {
        throw new IllegalArgumentException("a genome of " + g.layers() + "x" + g.size() + " does not fit model \""
            + gan.manifest().name() + "\" (" + layers + "x" + size + ")");
      }
      if (g.mixed() && g.domains() != gan.domains().size()) {
        throw new IllegalArgumentException("a genome mixing " + g.domains() + " domains does not fit model \""
            + gan.manifest().name() + "\", which has " + gan.domains().size());
      }
    }
    List<Integer> mixed = new ArrayList<>();
    List<Integer> plain = new ArrayList<>();
    for (int i = 0; i < genomes.size(); i++) {
      (genomes.get(i).mixed() && layers > 1 ? mixed : plain).add(i);
    }
    Styles[] out = new Styles[genomes.size()];
    if (!plain.isEmpty()) {
      List<Genome> some = plain.stream().map(genomes::get).toList();
      Styles mapped = gan.map(rows(some, layers), psi);
      Styles own = layers == 1 ? mapped : ownLayers(mapped, some, layers, -1);
      for (int i = 0; i < some.size(); i++) {
        out[plain.get(i)] = own.get(i);
      }
    }
    if (!mixed.isEmpty()) {
      List<Genome> some = mixed.stream().map(genomes::get).toList();
      float[][] z = rows(some, layers);
      int k = gan.domains().size();
      float[] w = null;
      int dim = 0;
      for (int d = 0; d < k; d++) {
        float[] pure = new float[k];
        pure[d] = 1;
        Styles part = ownLayers(gan.map(z, pure, psi), some, layers, d);
        dim = part.dim();
        if (w == null) {
          w = part.data();
        } else {
          float[] add = part.data();
          for (int j = 0; j < w.length; j++) {
            w[j] += add[j];
          }
        }
      }
      Styles blended = new Styles(some.size(), layers, dim, w);
      for (int i = 0; i < some.size(); i++) {
        out[mixed.get(i)] = blended.get(i);
      }
    }
    return Styles.concat(java.util.Arrays.asList(out));
  }

  /** One z per layer of each genome, genome by genome. */
  private static float[][] rows(List<Genome> genomes, int layers) {
    float[][] z = new float[genomes.size() * layers][];
    for (int i = 0; i < genomes.size(); i++) {
      for (int l = 0; l < layers; l++) {
        z[i * layers + l] = genomes.get(i).layer(l);
      }
    }
    return z;
  }

  /**
   * Each genome's layer l from row (genome, l) of the mapping's output; for {@code domain} ≥ 0,
   * weighted by that domain's share of the layer's weights.
   */
  private static Styles ownLayers(Styles mapped, List<Genome> genomes, int layers, int domain) {
    int dim = mapped.dim();
    float[] w = new float[genomes.size() * layers * dim];
    for (int i = 0; i < genomes.size(); i++) {
      Genome g = genomes.get(i);
      for (int l = 0; l < layers; l++) {
        float share = 1;
        if (domain >= 0) {
          float[] m = g.mixOf(l);
          float sum = 0;
          for (float v : m) {
            sum += v;
          }
          share = sum > 0 ? m[domain] / sum : 1f / m.length;
        }
        if (share == 0) {
          continue;
        }
        float[] row = mapped.layer(i * layers + l, l);
        for (int j = 0; j < dim; j++) {
          w[(i * layers + l) * dim + j] = share * row[j];
        }
      }
    }
    return new Styles(genomes.size(), layers, dim, w);
  }
}
