package mishmash.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import mishmash.model.ModelException;

/**
 * The weights of one TensorFlow.js model: a {@code *-weights_manifest.json} that lists each tensor
 * (name, shape, dtype, optional quantization) and the {@code .bin} files it names, whose bytes are
 * the tensors one after another, little-endian.
 *
 * <p>Quantized tensors ({@code "quantization": {"dtype": "uint8", "scale": s, "min": m}}) are
 * stored as one byte (uint8) or two (uint16) per value; the real value is {@code q * s + m}.
 * Values are kept as float arrays in TensorFlow's layout (convolutions HWIO); {@link TfLayers}
 * turns them into PyTorch's. A Layers model ({@link KerasNet}) carries the same manifest inside its
 * topology file, under {@code "weightsManifest"}.
 *
 * <p>Every problem names the file and says what to do: a missing or unreadable manifest, a missing
 * or truncated .bin, a tensor the network needs that the manifest lacks or has with another shape.
 */
public final class TfWeights {
  private final Path manifest;
  private final String remedy;
  private final Map<String, float[]> values = new LinkedHashMap<>();
  private final Map<String, int[]> shapes = new LinkedHashMap<>();

  private TfWeights(Path manifest, String remedy) {
    this.manifest = manifest;
    this.remedy = remedy;
  }

  /**
   * Reads a manifest and the .bin files next to it.
   *
   * @param remedy what to tell a person whose weight files are damaged or gone, such as "Copy the
   *     folder models/face-api again."
   */
  public static TfWeights read(Path manifest, String remedy) {
    JsonElement root = json(manifest, remedy, "this TensorFlow.js weights manifest");
    if (!root.isJsonArray() || root.getAsJsonArray().isEmpty()) {
      throw new ModelException(manifest, "is not a TensorFlow.js weights manifest (a JSON list of weight groups). "
          + remedy);
    }
    return of(manifest, root.getAsJsonArray(), remedy);
  }

  /** The whole of a JSON file, or a message naming it and saying what to do. */
  static JsonElement json(Path file, String remedy, String what) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException(file, "missing: Mishmash needs " + what + ". " + remedy);
    }
    try {
      return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ModelException(file, "cannot be read (" + e + "). " + remedy, e);
    } catch (RuntimeException e) {
      throw new ModelException(file, "is not valid JSON (" + e.getMessage() + "). " + remedy, e);
    }
  }

  /** The weights listed by {@code groups} (read from {@code file}), with their .bin files next to it. */
  static TfWeights of(Path file, JsonArray groups, String remedy) {
    TfWeights weights = new TfWeights(file, remedy);
    try {
      for (JsonElement g : groups) {
        weights.readGroup(g.getAsJsonObject());
      }
    } catch (IllegalStateException | NullPointerException | UnsupportedOperationException | ClassCastException e) {
      throw new ModelException(file, "does not have the layout of a TensorFlow.js weights manifest ("
          + e.getMessage() + "). " + remedy, e);
    }
    return weights;
  }

  private void readGroup(JsonObject group) {
    ByteBuffer bytes = readBins(group.getAsJsonArray("paths"));
    for (JsonElement e : group.getAsJsonArray("weights")) {
      JsonObject w = e.getAsJsonObject();
      String name = w.get("name").getAsString();
      JsonArray shapeJson = w.getAsJsonArray("shape");
      int[] shape = new int[shapeJson.size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeJson.get(i).getAsInt();
        count *= shape[i];
      }
      JsonObject q = w.has("quantization") ? w.getAsJsonObject("quantization") : null;
      String dtype = q != null ? q.get("dtype").getAsString() : w.get("dtype").getAsString();
      int size = switch (dtype) {
        case "float32", "int32" -> 4;
        case "uint16" -> 2;
        case "uint8" -> 1;
        default -> throw new ModelException(manifest, "stores \"" + name + "\" as " + dtype
            + ", which Mishmash cannot read (float32, int32, or uint8/uint16 quantization). " + remedy);
      };
      if (bytes.remaining() < count * size) {
        throw new ModelException(manifest, "lists more weights than its .bin files hold (they end in \"" + name
            + "\"): a .bin file is truncated or belongs to another model. " + remedy);
      }
      float[] v = new float[(int) count];
      float scale = q == null ? 1 : q.get("scale").getAsFloat();
      float min = q == null ? 0 : q.get("min").getAsFloat();
      for (int i = 0; i < v.length; i++) {
        v[i] = switch (dtype) {
          case "float32" -> bytes.getFloat();
          case "int32" -> bytes.getInt();
          case "uint16" -> (bytes.getShort() & 0xffff) * scale + min;
          default -> (bytes.get() & 0xff) * scale + min;
        };
      }
      values.put(name, v);
      shapes.put(name, shape);
    }
    if (bytes.hasRemaining()) {
      throw new ModelException(manifest, "lists fewer weights than its .bin files hold (" + bytes.remaining()
          + " bytes left over): the .bin belongs to another model. " + remedy);
    }
  }

  private ByteBuffer readBins(JsonArray paths) {
    byte[][] parts = new byte[paths.size()][];
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      String name = paths.get(i).getAsString();
      Path bin = manifest.resolveSibling(name);
      if (name.contains("..") || name.startsWith("/") || !Files.isRegularFile(bin)) {
        throw new ModelException(bin, "missing: " + manifest.getFileName() + " needs it. " + remedy);
      }
      try {
        parts[i] = Files.readAllBytes(bin);
      } catch (IOException e) {
        throw new ModelException(bin, "cannot be read (" + e + "). " + remedy, e);
      }
      total += parts[i].length;
    }
    ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    for (byte[] p : parts) {
      all.put(p);
    }
    return all.flip();
  }

  /** The manifest these weights came from, for messages. */
  public Path file() {
    return manifest;
  }

  /** The values of tensor {@code name}, checked to have {@code shape} (-1 matches any size). */
  public float[] get(String name, int... shape) {
    int[] have = shape(name);
    boolean ok = have.length == shape.length;
    for (int i = 0; ok && i < shape.length; i++) {
      ok = shape[i] < 0 || shape[i] == have[i];
    }
    if (!ok) {
      throw new ModelException(manifest, "weight \"" + name + "\" has shape " + Arrays.toString(have) + ", expected "
          + Arrays.toString(shape) + ": it is not the model this role needs. " + remedy);
    }
    return values.get(name);
  }

  /** Whether the manifest lists tensor {@code name}. */
  public boolean has(String name) {
    return shapes.containsKey(name);
  }

  /** The shape of tensor {@code name} as stored. */
  public int[] shape(String name) {
    int[] have = shapes.get(name);
    if (have == null) {
      throw new ModelException(manifest, "has no weight \"" + name + "\": it is not the model this role needs. "
          + "Check which file model.json names for it. " + remedy);
    }
    return have.clone();
  }
}
