package mishmash.features;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mishmash.model.Image;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.NativeTuning;
import mishmash.model.Pixels;
import mishmash.model.Resize;
import mishmash.tfjs.KerasNet;

/**
 * A pretrained image network used for what it sees, not for what it was trained to say: the
 * outputs of some of its layers are features of a picture. Mishmash ships two, from the npm
 * package nsfwjs 4.4.0 (MIT): {@code models/mobilenet-v2}, whose early layers the training's
 * critic looks through, and {@code models/inception-v3}, in whose features the evaluation measures
 * the generator (a network the training never sees).
 *
 * <p>A model folder of {@code "kind": "features"} names its TensorFlow.js Layers model under
 * {@code files.topology}, its input side under {@code architecture.input_size}, and named groups
 * of layers under {@code architecture.layers}, such as {@code "embedding": ["mixed10"]} or
 * {@code "taps": [...]}: which layers to read is decided beside the network, not by its callers.
 *
 * <pre>
 * try (FeatureNet inception = FeatureNet.load("inception-v3", "embedding")) {
 *   float[][] f = inception.embed(pictures);        // one row of features per picture
 * }
 * </pre>
 */
public final class FeatureNet implements AutoCloseable {
  public static final String KIND = "features";

  private final Manifest manifest;
  private final KerasNet net;
  private final List<String> layers;
  private final int inputSize;

  private FeatureNet(Manifest manifest, KerasNet net, List<String> layers, int inputSize) {
    this.manifest = manifest;
    this.net = net;
    this.layers = layers;
    this.inputSize = inputSize;
  }

  /** Loads a features model by name (a folder under models/) or path, reading the layers of {@code group}. */
  public static FeatureNet load(String nameOrPath, String group) {
    return load(Models.resolve(nameOrPath), group);
  }

  /** Loads the features model in {@code folder}, reading the layers of {@code group}. */
  public static FeatureNet load(Path folder, String group) {
    Manifest m = Manifest.read(folder);
    Path json = folder.resolve(Manifest.FILE_NAME);
    if (m.kind() != Manifest.Kind.FEATURES) {
      throw Models.wrongKind(m, "a pretrained image network", KIND);
    }
    if (m.format() != Manifest.Format.TFJS) {
      throw new ModelException(json, "a features model must have \"format\": \"tfjs\" (a TensorFlow.js Layers model).");
    }
    JsonObject arch = m.architecture();
    if (arch == null || !arch.has("input_size") || !arch.has("layers") || !arch.get("layers").isJsonObject()) {
      throw new ModelException(json, "needs \"architecture\": {\"input_size\": N, \"layers\": {\"" + group
          + "\": [layer names]}}.");
    }
    JsonElement names = arch.getAsJsonObject("layers").get(group);
    if (names == null || !names.isJsonArray() || names.getAsJsonArray().isEmpty()) {
      throw new ModelException(json, "names no layers for \"" + group + "\" under architecture.layers; add \""
          + group + "\": [layer names].");
    }
    List<String> layers = new ArrayList<>();
    for (JsonElement e : names.getAsJsonArray()) {
      layers.add(e.getAsString());
    }
    int size = arch.get("input_size").getAsInt();
    NativeTuning.apply();
    NDManager weights = Engine.getEngine("PyTorch").newBaseManager();
    try {
      String remedy = "Copy the folder " + folder.getFileName() + " again from the Mishmash repository (it comes from "
          + "the npm package nsfwjs 4.4.0: tools/feature-nets/extract.js writes it).";
      return new FeatureNet(m, KerasNet.load(m.file("topology"), layers, remedy, weights), List.copyOf(layers), size);
    } catch (RuntimeException e) {
      weights.close();
      throw e;
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The side the network was trained at; {@link #embed} resizes pictures to it. */
  public int inputSize() {
    return inputSize;
  }

  /** The layers this net reads, in the order {@link #forward} returns them. */
  public List<String> layers() {
    return layers;
  }

  /**
   * The layers' outputs for pictures [B, 3, H, W] with values in [0, 1], NCHW. Differentiable with
   * respect to the pictures (the network's own weights never change). The arrays belong to the
   * pictures' manager.
   */
  public NDList forward(NDArray pictures) {
    return net.forward(pictures);
  }

  /**
   * One row of features per picture: each layer's output averaged over its positions, the layers
   * one after another. Pictures are resized (bilinear) to the network's input size first and go
   * through in batches of {@code batch}.
   */
  public float[][] embed(List<Image> pictures, int batch) {
    float[][] out = new float[pictures.size()][];
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (int from = 0; from < pictures.size(); from += batch) {
        int n = Math.min(batch, pictures.size() - from);
        float[] planar = new float[n * 3 * inputSize * inputSize];
        int per = 3 * inputSize * inputSize;
        for (int i = 0; i < n; i++) {
          Image sized = Resize.to(pictures.get(from + i), inputSize, inputSize);
          System.arraycopy(Pixels.toPlanes(sized, 0f, 1f), 0, planar, i * per, per);
        }
        try (NDManager step = m.newSubManager()) {
          NDArray x = step.create(planar, new Shape(n, 3, inputSize, inputSize));
          NDList maps = forward(x);
          NDList pooled = new NDList();
          for (NDArray a : maps) {
            pooled.add(a.getShape().dimension() == 4 ? KerasNet.spatialMean(a) : a);
          }
          float[] flat = ai.djl.ndarray.NDArrays.concat(pooled, 1).toFloatArray();
          int d = flat.length / n;
          for (int i = 0; i < n; i++) {
            out[from + i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
          }
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    net.close();
  }
}
