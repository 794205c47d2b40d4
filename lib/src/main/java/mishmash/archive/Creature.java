package mishmash.archive;

import java.util.Locale;
import mishmash.latent.Genome;

/**
 * One specimen of the archive. Its seed is its name and its file name ({@code <seed>.png}); its
 * genome says how to draw it again; its parents say where it came from.
 *
 * @param parents the parents' seeds; empty for a random or booth-born creature
 * @param born milliseconds since 1970 (UTC)
 * @param generation 0 for a random creature, one more than its older parent for a bred one
 * @param model the name of the model that drew it
 * @param name a visitor's name for a booth profile, otherwise empty
 */
public record Creature(long seed, Genome genome, long[] parents, long born, Source source, int generation,
    String model, String name) {

  /** Where a creature came from. */
  public enum Source {
    BRED, RANDOM, BOOTH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Creature {
    parents = parents.clone();
    name = name == null ? "" : name;
  }

  /** The file name of its picture. */
  public String fileName() {
    return seed + ".png";
  }
}
