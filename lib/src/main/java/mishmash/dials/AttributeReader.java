package mishmash.dials;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mishmash.features.PictureFeatures;
import mishmash.mlp.Mlp;
import mishmash.model.Image;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.Models;

/**
 * Reads in a picture what the specimens were drawn from: a face's age, smile, head turn and glasses,
 * a machine's gears, a cell culture's density — and whether it shows a face, a machine or a cell at
 * all. A small network on {@link PictureFeatures}, trained by {@link TrainAttributes} on the specimens
 * and their {@code attributes.jsonl}, kept in a model folder of {@code "kind": "attributes"}
 * ({@code models/specimen-attributes}). The dials command scores generated creatures with it to find
 * the directions in latent space that change one attribute.
 */
public final class AttributeReader implements AutoCloseable {
  public static final String KIND = "attributes";
  public static final String DEFAULT = "specimen-attributes";
  static final String REMAKE = "mvn -q -pl lib compile exec:java -Pattributes (see docs/dials.md)";

  /** Held-out R² (numbers) or accuracy (yes/no) from which an attribute counts as reliably read. */
  static final double RELIABLE_R2 = 0.3;
  static final double RELIABLE_ACCURACY = 0.85;

  private final Manifest manifest;
  private final List<Attribute> attributes;
  private final Mlp net;
  private final boolean[] reliable;

  private AttributeReader(Manifest manifest, List<Attribute> attributes, Mlp net) {
    this.manifest = manifest;
    this.attributes = List.copyOf(attributes);
    this.net = net;
    this.reliable = new boolean[attributes.size()];
    JsonObject held = manifest.provenance() != null && manifest.provenance().has("held_out")
        ? manifest.provenance().getAsJsonObject("held_out") : new JsonObject();
    for (int k = 0; k < reliable.length; k++) {
      Attribute a = attributes.get(k);
      JsonElement e = held.get(a.id());
      double score = e != null && e.isJsonObject() && e.getAsJsonObject().has("softened")
          ? e.getAsJsonObject().get("softened").getAsDouble() : Double.NaN;
      reliable[k] = score >= (a.binary() ? RELIABLE_ACCURACY : RELIABLE_R2);
    }
  }

  /**
   * True when the reader reads attribute {@code k} reliably on softened held-out specimens (R² of at
   * least 0.3, or 85% right for a yes/no): only those count when a dial's side effects are measured.
   */
  public boolean reliable(int k) {
    return reliable[k];
  }

  /** Loads {@code models/<name>} (or a folder path). */
  public static AttributeReader load(String nameOrPath) {
    return load(Models.resolve(nameOrPath));
  }

  public static AttributeReader load(Path folder) {
    Manifest m = Manifest.read(folder);
    Path json = folder.resolve(Manifest.FILE_NAME);
    if (m.kind() != Manifest.Kind.ATTRIBUTES) {
      throw Models.wrongKind(m, "an attribute reader", KIND);
    }
    JsonObject arch = m.architecture();
    List<Attribute> attributes = new ArrayList<>();
    try {
      if (arch.get("feature_size").getAsInt() != PictureFeatures.SIZE) {
        throw new ModelException(json, "reads " + arch.get("feature_size") + " picture features, but this Mishmash "
            + "computes " + PictureFeatures.SIZE + ". Make it again: " + REMAKE);
      }
      for (JsonElement e : arch.getAsJsonArray("attributes")) {
        attributes.add(Attribute.fromJson(e.getAsJsonObject()));
      }
    } catch (RuntimeException e) {
      if (e instanceof ModelException me) {
        throw me;
      }
      throw new ModelException(json, "\"architecture\" must list \"attributes\" and \"feature_size\" as "
          + "TrainAttributes writes them (" + e.getMessage() + "). Make it again: " + REMAKE, e);
    }
    Path weights = m.file("weights");
    if (!Files.isRegularFile(weights)) {
      throw new ModelException(weights, "missing. Make the attribute reader again: " + REMAKE);
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
      Mlp net = Mlp.read(in);
      if (net.layout().inputs() != PictureFeatures.SIZE || net.layout().outputs() != attributes.size()) {
        net.close();
        throw new ModelException(weights, "does not fit model.json's attributes. Make it again: " + REMAKE);
      }
      return new AttributeReader(m, attributes, net);
    } catch (IOException e) {
      throw new ModelException(weights, "cannot be read: " + e.getMessage() + ". Make it again: " + REMAKE, e);
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  /** What it reads, in the order of {@link #read}'s columns. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The column of attribute {@code id} ("faces.smile"), or -1. */
  public int index(String id) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The attributes of pictures whose {@link PictureFeatures} these are: one row per picture, in attribute units. */
  public float[][] read(float[][] features) {
    float[][] out = net.predict(features);
    for (float[] row : out) {
      for (int k = 0; k < row.length; k++) {
        if (attributes.get(k).log()) {
          row[k] = (float) Math.expm1(Math.max(0, row[k]));
        }
      }
    }
    return out;
  }

  /** The attributes of pictures, measuring their features with {@code features}. */
  public float[][] read(PictureFeatures features, List<Image> pictures) {
    return read(features.of(pictures));
  }

  /** The names of the attributes, for tables. */
  static JsonArray toJson(List<Attribute> attributes) {
    JsonArray a = new JsonArray();
    attributes.forEach(x -> a.add(x.toJson()));
    return a;
  }

  @Override
  public void close() {
    net.close();
  }
}
