package mishmash.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code models/<name>/model.json}: what a model is and where it came from.
 *
 * <pre>
 * {
 *   "name": "creatures-128",
 *   "kind": "generator",                  generator | translator | encoder | face | face-analysis | features | attributes
 *   "format": "djl",                      djl | torchscript | onnx | tfjs
 *   "latent_size": 128,
 *   "image_size": [128, 128],             or one number for a square; a translator's in and out
 *   "pixel_range": [-1, 1],               what the network takes and outputs for black and white
 *   "style_layers": 12,                   with a mapping + synthesis pair
 *   "files": { "weights": "generator.params" },   or generator / mapping + synthesis / translator
 *   "architecture": { ... },              djl only: how to rebuild the network
 *   "provenance": { "command": "...", "data": "...", "seed": 1, "license": "CC-BY-4.0" }
 * }
 * </pre>
 *
 * Only what is needed to run is required; provenance is kept as written and shown to people.
 */
public record Manifest(
    Path folder,
    String name,
    Kind kind,
    Format format,
    String description,
    int latentSize,
    int width,
    int height,
    float pixelMin,
    float pixelMax,
    int styleLayers,
    Map<String, String> files,
    JsonObject architecture,
    JsonObject provenance) {

  public static final String FILE_NAME = "model.json";

  /** What a model does; written in model.json in lower case, with '-' for '_'. */
  public enum Kind {
    GENERATOR, TRANSLATOR, ENCODER, FACE, FACE_ANALYSIS, FEATURES, ATTRIBUTES;

    /** As written in model.json. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * How the weights are stored; {@code tfjs}: TensorFlow.js weights manifests + .bin (face analysis) or a
   * TensorFlow.js Layers model (pretrained features).
   */
  public enum Format { DJL, TORCHSCRIPT, ONNX, TFJS }

  /** The path of the file named under {@code files.<role>}; it need not exist. */
  public Path file(String role) {
    String name = files.get(role);
    if (name == null) {
      throw new ModelException(folder.resolve(FILE_NAME),
          "\"files\" has no \"" + role + "\" entry. Add \"" + role + "\": \"<file name>\" under \"files\".");
    }
    return folder.resolve(name);
  }

  public boolean hasFile(String role) {
    return files.containsKey(role);
  }

  /** A provenance field as text, or "" when the manifest does not say. */
  public String provenance(String field) {
    JsonElement e = provenance == null ? null : provenance.get(field);
    return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }

  /** Reads and checks {@code folder/model.json}. */
  public static Manifest read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new ModelException(folder, "no model folder here. A model is a folder holding "
          + FILE_NAME + " and its weights; check the name, or see models/README.md.");
    }
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new ModelException(file, "missing. Every model folder needs a " + FILE_NAME
          + " that says what the model is; copy one from another model folder and edit it.");
    }
    JsonObject json;
    try {
      JsonElement root = JsonParser.parseString(mishmash.files.Text.read(file));
      if (!root.isJsonObject()) {
        throw new ModelException(file, "is not a JSON object ({ ... }). Fix the file.");
      }
      json = root.getAsJsonObject();
    } catch (JsonParseException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new ModelException(file, "is not valid JSON (" + why + "). Fix the file.", e);
    } catch (IOException e) { // the message names the file and what is wrong with it
      throw new ModelException(file, e.getMessage().substring(file.toString().length()).trim() + ".", e);
    }
    return parse(folder, file, json);
  }

  private static Manifest parse(Path folder, Path file, JsonObject json) {
    Fields f = new Fields(file, json);
    String name = f.optString("name", folder.getFileName().toString());
    Kind kind = f.choice("kind", Kind.class);
    Format format = f.choice("format", Format.class);
    boolean generator = kind == Kind.GENERATOR;
    if (kind == Kind.TRANSLATOR && format == Format.DJL) {
      throw new ModelException(file, "a translator must be \"torchscript\" or \"onnx\": Mishmash trains no "
          + "translators of its own. Export the network and set \"format\" (see docs/bring-your-own-model.md).");
    }
    int latent = generator ? f.positiveInt("latent_size") : f.optPositiveInt("latent_size", 0);
    int[] size = generator || kind == Kind.TRANSLATOR ? f.size("image_size") : new int[] {0, 0};
    float[] range = f.range("pixel_range", -1f, 1f);
    int layers = f.optPositiveInt("style_layers", 0);
    Map<String, String> files = f.files();
    JsonObject arch = f.optObject("architecture");
    if (format == Format.DJL && arch == null) {
      throw new ModelException(file, "a \"djl\" model needs an \"architecture\" object that says how "
          + "to rebuild the network; the training command writes it.");
    }
    return new Manifest(folder, name, kind, format, f.optString("description", ""), latent,
        size[0], size[1], range[0], range[1], layers, files, arch, f.optObject("provenance"));
  }

  /** Field readers that say which field is wrong and what it should hold. */
  private record Fields(Path file, JsonObject json) {

    ModelException wrong(String field, String expected) {
      return new ModelException(file, "\"" + field + "\" " + expected + ".");
    }

    JsonElement required(String field, String expected) {
      JsonElement e = json.get(field);
      if (e == null || e.isJsonNull()) {
        throw new ModelException(file, "has no \"" + field + "\". Add it: " + expected + ".");
      }
      return e;
    }

    String optString(String field, String fallback) {
      JsonElement e = json.get(field);
      return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
      String options = String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
      JsonElement e = required(field, "one of " + options);
      String value = e.isJsonPrimitive() ? e.getAsString() : e.toString();
      try {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException ex) {
        throw wrong(field, "is \"" + value + "\", which Mishmash does not know; use one of " + options);
      }
    }

    int positiveInt(String field) {
      return asPositiveInt(field, required(field, "a positive whole number"));
    }

    int optPositiveInt(String field, int fallback) {
      JsonElement e = json.get(field);
      return e == null || e.isJsonNull() ? fallback : asPositiveInt(field, e);
    }

    int asPositiveInt(String field, JsonElement e) {
      try {
        double d = e.getAsDouble();
        if (d >= 1 && d == Math.rint(d) && d < Integer.MAX_VALUE) {
          return (int) d;
        }
      } catch (RuntimeException ignored) {
        // reported below
      }
      throw wrong(field, "must be a positive whole number, not " + e);
    }

    int[] size(String field) {
      JsonElement e = required(field, "the output size in pixels, [width, height] or one number");
      if (e.isJsonArray() && e.getAsJsonArray().size() == 2) {
        JsonArray a = e.getAsJsonArray();
        return new int[] {asPositiveInt(field, a.get(0)), asPositiveInt(field, a.get(1))};
      }
      if (e.isJsonPrimitive()) {
        int s = asPositiveInt(field, e);
        return new int[] {s, s};
      }
      throw wrong(field, "must be [width, height] or one number, not " + e);
    }

    float[] range(String field, float lo, float hi) {
      JsonElement e = json.get(field);
      if (e == null || e.isJsonNull()) {
        return new float[] {lo, hi};
      }
      try {
        JsonArray a = e.getAsJsonArray();
        float min = a.get(0).getAsFloat();
        float max = a.get(1).getAsFloat();
        if (a.size() == 2 && Float.isFinite(min) && Float.isFinite(max) && max > min) {
          return new float[] {min, max};
        }
      } catch (RuntimeException ignored) {
        // reported below
      }
      throw wrong(field, "must be [black, white] with black < white, such as [-1, 1] or [0, 1], not " + e);
    }

    Map<String, String> files() {
      JsonElement e = required("files", "the weight files by role, such as {\"generator\": \"generator.pt\"}");
      if (!e.isJsonObject() || e.getAsJsonObject().isEmpty()) {
        throw wrong("files", "must name the weight files by role, such as {\"generator\": \"generator.pt\"}");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
        JsonElement v = entry.getValue();
        if (!v.isJsonPrimitive() || v.getAsString().isBlank()
            || v.getAsString().contains("..") || v.getAsString().startsWith("/")) {
          throw wrong("files", "entry \"" + entry.getKey() + "\" must be a file name inside the model folder");
        }
        out.put(entry.getKey(), v.getAsString());
      }
      return out;
    }

    JsonObject optObject(String field) {
      JsonElement e = json.get(field);
      if (e == null || e.isJsonNull()) {
        return null;
      }
      if (!e.isJsonObject()) {
        throw wrong(field, "must be an object { ... }");
      }
      return e.getAsJsonObject();
    }
  }
}
