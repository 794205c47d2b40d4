package mishmash.archive;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;
import mishmash.latent.Genome;

/**
 * The archive index: one JSON object per line, one line per creature, appended as creatures are
 * born. A line that cannot be read (a power cut mid-write) is skipped, never fatal.
 *
 * <pre>{"seed":8812,"parents":[113,5002],"born":1795473000000,"source":"bred","generation":4,
 *  "model":"creatures-128","layers":12,"size":128,"genes":"AAAA…"}</pre>
 *
 * A random creature's genes are left out: they are re-derived from its seed. A creature of a model
 * with several domains also has {@code "domains":3} and, unless they follow from its seed, the
 * domain weights of its layers ({@code "mix":"AACAPw…"}). A line {@code {"deleted":8812}} records
 * that retention removed a creature.
 */
final class Index {
  private Index() {}

  static String line(Creature c) {
    JsonObject o = new JsonObject();
    o.addProperty("seed", c.seed());
    JsonArray parents = new JsonArray();
    for (long p : c.parents()) {
      parents.add(p);
    }
    o.add("parents", parents);
    o.addProperty("born", c.born());
    o.addProperty("source", c.source().label());
    o.addProperty("generation", c.generation());
    o.addProperty("model", c.model());
    if (!c.name().isEmpty()) {
      o.addProperty("name", c.name());
    }
    Genome g = c.genome();
    o.addProperty("layers", g.layers());
    o.addProperty("size", g.size());
    Genome fresh = Genome.fresh(c.seed(), g.layers(), g.size(), g.domains());
    if (!java.util.Arrays.equals(g.z(), fresh.z())) {
      o.addProperty("genes", g.encode());
    }
    if (g.mixed()) {
      o.addProperty("domains", g.domains());
      if (!java.util.Arrays.equals(g.mix(), fresh.mix())) {
        o.addProperty("mix", g.encodeMix());
      }
    }
    return o.toString();
  }

  static String deletion(long seed) {
    JsonObject o = new JsonObject();
    o.addProperty("deleted", seed);
    return o.toString();
  }

  /** A parsed line: a creature, or the seed of a deletion. Throws IllegalArgumentException on a bad line. */
  record Entry(Creature creature, Long deleted) {}

  static Entry parse(String line) {
    JsonObject o;
    try {
      o = JsonParser.parseString(line).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    try {
      if (o.has("deleted")) {
        return new Entry(null, o.get("deleted").getAsLong());
      }
      long seed = o.get("seed").getAsLong();
      JsonArray a = o.getAsJsonArray("parents");
      long[] parents = new long[a.size()];
      for (int i = 0; i < parents.length; i++) {
        parents[i] = a.get(i).getAsLong();
      }
      int layers = o.get("layers").getAsInt();
      int size = o.get("size").getAsInt();
      JsonElement genes = o.get("genes");
      int domains = o.has("domains") ? o.get("domains").getAsInt() : 0;
      if (domains < 0 || domains > 64) {
        throw new IllegalArgumentException("a creature of " + domains + " domains");
      }
      Genome fresh = Genome.fresh(seed, layers, size, domains);
      Genome genome = genes == null ? fresh : Genome.decode(layers, size, genes.getAsString()).withMix(domains, fresh.encodeMix());
      if (o.has("mix")) {
        genome = genome.withMix(domains, o.get("mix").getAsString());
      }
      Creature.Source source = Creature.Source.valueOf(o.get("source").getAsString().toUpperCase(Locale.ROOT));
      String name = o.has("name") ? o.get("name").getAsString() : "";
      return new Entry(new Creature(seed, genome, parents, o.get("born").getAsLong(), source,
          o.get("generation").getAsInt(), o.get("model").getAsString(), name), null);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a field is missing or of the wrong type (" + e.getMessage() + ")");
    }
  }
}
