package mishmash.dials;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import mishmash.model.Generator;
import mishmash.model.MadeFor;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.Styles;

/**
 * A generator's semantic dials: named directions in its latent space that a performer turns —
 * {@code age}, {@code smile}, {@code glasses}, {@code gears}, {@code density}, and unnamed ones found
 * without labels ({@code 1}, {@code 2}, …). Kept beside the generator in {@code dials.json}, made for
 * it by {@link MakeDials} and refused beside any other generator.
 *
 * <p>Every dial goes from {@link #min()} to {@link #max()} (−3 to 3), 0 leaving the creature as it
 * is, and one unit of any dial changes the picture by about the same amount ({@link #levelsPerUnit()}
 * levels of 255 on average over its pixels), so turning two dials by the same amount does a similar
 * amount to the picture. Each dial has a direction in w (style) space, for the mirror and the
 * portraits, and one in z space, for genomes (the archive grid's newborns carry their dial offsets in
 * their genes).
 */
public final class Dials {
  public static final String FILE = "dials.json";
  static final String KIND = "dials";
  static final int VERSION = 1;

  /**
   * One dial.
   *
   * @param kind "supervised" (fitted on an attribute's scores) or "unsupervised" (GANSpace, SeFa)
   * @param attribute the attribute it moves ("faces.smile"), or "" for an unsupervised dial
   * @param w the direction in w space, a unit vector of the generator's style size
   * @param wStep how far one unit of the dial moves along {@code w}
   * @param z the direction in z space, a unit vector of the latent size
   * @param zStep how far one unit moves along {@code z}
   * @param layers the style layers it moves (the band of layers where it changes its attribute most
   *     for the least change of everything else), true for each
   * @param description what it does, for people (the panel, OSCQuery)
   */
  public record Dial(String name, String kind, String attribute, String method, float[] w, float wStep, float[] z,
                     float zStep, boolean[] layers, String description) {}

  private final Path file;
  private final MadeFor madeFor;
  private final int styleLayers;
  private final int styleSize;
  private final int latentSize;
  private final double min;
  private final double max;
  private final double levels;
  private final List<Dial> dials;
  private final JsonObject json;

  Dials(Path file, MadeFor madeFor, int styleLayers, int styleSize, int latentSize, double min, double max, double levels,
        List<Dial> dials, JsonObject json) {
    this.file = file;
    this.madeFor = madeFor;
    this.styleLayers = styleLayers;
    this.styleSize = styleSize;
    this.latentSize = latentSize;
    this.min = min;
    this.max = max;
    this.levels = levels;
    this.dials = List.copyOf(dials);
    this.json = json;
  }

  /** The command that makes the dials for a model, for messages. */
  public static String remake(String model) {
    return "mvn -q -pl lib compile exec:java -Pdials -Dexec.args=\"--model " + model + "\"";
  }

  /** The dials of a loaded generator, if its folder has them; a file made for another generator is refused. */
  public static Optional<Dials> of(Generator gan) {
    Path file = gan.manifest().folder().resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(read(file, gan.manifest())) : Optional.empty();
  }

  /**
   * Reads a dials file and checks it against the generator it must belong to (by the fingerprint of
   * its weights: no need to load the model).
   *
   * @throws ModelException naming the file and saying what to do
   */
  public static Dials read(Path file, Manifest generator) {
    String remake = remake(generator.folder().getFileName().toString());
    JsonObject o;
    try {
      JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!root.isJsonObject()) {
        throw new ModelException(file, "is not a JSON object. Make the dials again: " + remake);
      }
      o = root.getAsJsonObject();
    } catch (IOException e) {
      throw new ModelException(file, "cannot be read (" + e.getMessage() + ").", e);
    } catch (JsonParseException e) {
      throw new ModelException(file, "is not valid JSON (" + e.getMessage() + "). Make the dials again: " + remake, e);
    }
    if (!o.has("kind") || !KIND.equals(o.get("kind").getAsString())) {
      throw new ModelException(file, "is not a dials file (it needs \"kind\": \"dials\"). Make the dials: " + remake);
    }
    MadeFor made = MadeFor.read(o, file, remake);
    made.check(generator, file, "the dials", remake);
    try {
      int version = o.get("version").getAsInt();
      if (version != VERSION) {
        throw new ModelException(file, "is dials format version " + version + "; this Mishmash reads version "
            + VERSION + ". Make the dials again: " + remake);
      }
      int styleLayers = o.get("style_layers").getAsInt();
      int styleSize = o.get("style_size").getAsInt();
      int latentSize = o.get("latent_size").getAsInt();
      JsonArray range = o.getAsJsonArray("range");
      List<Dial> dials = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("dials")) {
        JsonObject d = e.getAsJsonObject();
        String name = d.get("name").getAsString();
        if (!name.matches("[A-Za-z0-9_-]+")) {
          throw new IllegalArgumentException("a dial is named \"" + name + "\"; names are letters, digits, - and _");
        }
        dials.add(new Dial(name, d.get("kind").getAsString(), d.has("attribute") ? d.get("attribute").getAsString() : "",
            d.has("method") ? d.get("method").getAsString() : "",
            floats(d.get("w").getAsString(), styleSize, name + ".w"), finite(d.get("w_step").getAsFloat(), name),
            floats(d.get("z").getAsString(), latentSize, name + ".z"), finite(d.get("z_step").getAsFloat(), name),
            layers(d, styleLayers, name), d.has("description") ? d.get("description").getAsString() : name));
      }
      return new Dials(file, made, styleLayers, styleSize, latentSize, range.get(0).getAsDouble(), range.get(1).getAsDouble(),
          o.get("levels_per_unit").getAsDouble(), dials, o);
    } catch (ModelException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelException(file, "is damaged (" + e.getMessage() + "). Make the dials again: " + remake, e);
    }
  }

  /** Same as {@link #read(Path, Manifest)}, for a loaded generator, checking its shapes too. */
  public static Dials read(Path file, Generator gan) {
    Dials d = read(file, gan.manifest());
    if (d.styleSize != gan.styleSize() || d.latentSize != gan.latentSize() || d.styleLayers != gan.styleLayers()) {
      throw new ModelException(file, "has dials for " + d.styleLayers + " layers of " + d.styleSize + " (w) and "
          + d.latentSize + " (z) values, but model \"" + gan.manifest().name() + "\" has " + gan.styleLayers() + " of "
          + gan.styleSize() + " and " + gan.latentSize() + ". Make the dials again: "
          + remake(gan.manifest().folder().getFileName().toString()));
    }
    return d;
  }

  public Path file() {
    return file;
  }

  public MadeFor madeFor() {
    return madeFor;
  }

  public List<Dial> dials() {
    return dials;
  }

  public int size() {
    return dials.size();
  }

  /** The dial called {@code name}, or -1. */
  public int index(String name) {
    for (int i = 0; i < dials.size(); i++) {
      if (dials.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** Levels of 255 that one unit of a dial changes the picture by, on average over its pixels. */
  public double levelsPerUnit() {
    return levels;
  }

  /** The file as read, for reports (each dial's measured effect is under "dials"[i]."measured"). */
  public JsonObject json() {
    return json.deepCopy();
  }

  /** {@code v} clamped to the dials' range; NaN becomes 0. */
  public double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(min, Math.min(max, v));
  }

  /**
   * The styles turned by the dials: {@code values[i]} units of dial i (clamped to the range) added to
   * every layer of every picture in the batch. Values of 0 give the styles back unchanged.
   */
  public Styles apply(Styles styles, float[] values) {
    check(values);
    if (styles.dim() != styleSize || styles.layers() != styleLayers) {
      throw new IllegalArgumentException("styles of " + styles.layers() + "x" + styles.dim() + "; these dials are for "
          + styleLayers + "x" + styleSize);
    }
    float[] offset = new float[styleLayers * styleSize];
    if (!add(values, offset, true)) {
      return styles;
    }
    float[] out = styles.data().clone();
    for (int k = 0; k < out.length; k++) {
      out[k] += offset[k % offset.length];
    }
    return new Styles(styles.count(), styles.layers(), styles.dim(), out);
  }

  /**
   * The z offset of these dial values, for a genome ({@code Genome.shifted}): one per layer and
   * latent dimension, what the archive grid adds to a newborn's genes. Null when every value is 0.
   */
  public float[] latentOffset(float[] values) {
    check(values);
    float[] offset = new float[styleLayers * latentSize];
    return add(values, offset, false) ? offset : null;
  }

  /** Adds each turned dial's direction (w or z) to its layers of {@code offset}; false when none is turned. */
  private boolean add(float[] values, float[] offset, boolean w) {
    int size = w ? styleSize : latentSize;
    boolean any = false;
    for (int i = 0; i < dials.size(); i++) {
      double v = clamp(values[i]);
      if (v == 0) {
        continue;
      }
      any = true;
      Dial d = dials.get(i);
      float[] dir = w ? d.w() : d.z();
      double step = v * (w ? d.wStep() : d.zStep());
      for (int l = 0; l < styleLayers; l++) {
        if (d.layers()[l]) {
          for (int j = 0; j < size; j++) {
            offset[l * size + j] += (float) (step * dir[j]);
          }
        }
      }
    }
    return any;
  }

  /** A dial's "layers" (indices), or every layer when it has none. */
  private static boolean[] layers(JsonObject d, int styleLayers, String name) {
    boolean[] on = new boolean[styleLayers];
    if (!d.has("layers")) {
      java.util.Arrays.fill(on, true);
      return on;
    }
    for (JsonElement e : d.getAsJsonArray("layers")) {
      int l = e.getAsInt();
      if (l < 0 || l >= styleLayers) {
        throw new IllegalArgumentException("dial " + name + " names layer " + l + " of " + styleLayers);
      }
      on[l] = true;
    }
    return on;
  }

  private void check(float[] values) {
    if (values.length != dials.size()) {
      throw new IllegalArgumentException(values.length + " dial values for " + dials.size() + " dials");
    }
  }

  private static float finite(float v, String name) {
    if (!Float.isFinite(v) || v < 0) {
      throw new IllegalArgumentException("dial " + name + " has a step of " + v);
    }
    return v;
  }

  /** Little-endian float32 as Base64, as in the archive's genes. */
  static String encode(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static float[] floats(String text, int n, String what) {
    byte[] bytes = Base64.getDecoder().decode(text);
    if (bytes.length != n * 4) {
      throw new IllegalArgumentException(what + " holds " + bytes.length / 4 + " values, not " + n);
    }
    float[] v = new float[n];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    for (float f : v) {
      if (!Float.isFinite(f)) {
        throw new IllegalArgumentException(what + " holds " + f);
      }
    }
    return v;
  }
}
