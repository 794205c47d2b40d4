package mishmash.latent;

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

  public static Genome fresh(Generator gan, long seed) {
    return Genome.fresh(seed, layers(gan), gan.latentSize());
  }

  /** The pictures of several genomes in one batch, truncated by psi. */
  public static Image[] render(Generator gan, List<Genome> genomes, float psi) {
    int layers = layers(gan);
    int size = gan.latentSize();
    float[][] z = new float[genomes.size() * layers][];
    for (int i = 0; i < genomes.size(); i++) {
      Genome g = genomes.get(i);
      if (g.layers() != layers || g.size() != size) {
        throw new IllegalArgumentException("a genome of " + g.layers() + "x" + g.size() + " does not fit model \""
            + gan.manifest().name() + "\" (" + layers + "x" + size + ")");
      }
      for (int l = 0; l < layers; l++) {
        z[i * layers + l] = g.layer(l);
      }
    }
    Styles mapped = gan.map(z, psi);
    if (layers == 1) {
      return gan.synthesize(mapped);
    }
    int dim = mapped.dim();
    float[] w = new float[genomes.size() * layers * dim];
    for (int i = 0; i < genomes.size(); i++) {
      for (int l = 0; l < layers; l++) {
        System.arraycopy(mapped.layer(i * layers + l, l), 0, w, (i * layers + l) * dim, dim);
      }
    }
    return gan.synthesize(new Styles(genomes.size(), layers, dim, w));
  }
}
