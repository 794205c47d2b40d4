package mishmash.mirror;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Styles;

/**
 * What the mirror shows when nobody is looking: a slow wander through the archive's creatures in w
 * space, eased from one to the next, each stop {@code wander} seconds long. Creatures drawn by
 * another model are passed over; an empty archive gives fresh creatures from seeds. Not thread-safe:
 * the reflector's worker alone uses it.
 */
public final class Drift {
  private final Generator gan;
  private final Archive archive;
  private final Random random;
  private Stop from;
  private Stop to;
  private double startedAt = Double.NaN;
  private List<Creature> pool = List.of();
  private double pooledAt = Double.NEGATIVE_INFINITY;

  /** A creature and its styles. */
  record Stop(long seed, Styles styles) {}

  public Drift(Generator gan, Archive archive, long seed) {
    this.gan = gan;
    this.archive = archive;
    this.random = new Random(seed);
  }

  /** The styles at sketch time {@code t}. */
  public Styles at(double t, double wander, float psi) {
    double w = Math.max(0.5, wander);
    if (from == null) {
      from = next(psi, t);
      to = next(psi, t);
      startedAt = t;
    }
    while (t - startedAt >= w) {
      from = to;
      to = next(psi, t);
      startedAt += w;
      if (t - startedAt >= w) {
        startedAt = t; // far behind (a long pause): start this stop now
      }
    }
    double u = (t - startedAt) / w;
    float ease = (float) (u * u * (3 - 2 * u));
    return from.styles().lerp(to.styles(), ease);
  }

  /** The seed of the creature the drift is nearest to now. */
  public long nearest(double t, double wander) {
    return from == null ? 0 : (t - startedAt) / Math.max(0.5, wander) < 0.5 ? from.seed() : to.seed();
  }

  private Stop next(float psi, double t) {
    if (archive != null && t - pooledAt > 10) {
      pooledAt = t;
      List<Creature> fits = new ArrayList<>();
      int layers = Genomes.layers(gan);
      for (Creature c : archive.all()) {
        Genome g = c.genome();
        if (g.layers() == layers && g.size() == gan.latentSize() && (!g.mixed() || g.domains() == gan.domains().size())) {
          fits.add(c);
        }
      }
      pool = fits;
    }
    if (!pool.isEmpty()) {
      Creature c = pool.get(random.nextInt(pool.size()));
      return new Stop(c.seed(), Genomes.styles(gan, List.of(c.genome()), psi));
    }
    long seed = Math.floorMod(random.nextLong(), 1_000_000_000_000L);
    return new Stop(seed, Genomes.styles(gan, List.of(Genomes.fresh(gan, seed)), psi));
  }
}
