package mishmash.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mishmash.model.ModelException;

/**
 * A Keras model saved for TensorFlow.js as a Layers model ({@code model.json} with
 * {@code "modelTopology"} and {@code "weightsManifest"}, plus its weight shards), run on DJL.
 *
 * <p>The topology is a graph of layers; this class walks it in order and computes only what the
 * requested output layers need. It knows the layers of image networks such as MobileNetV2 and
 * InceptionV3: Conv2D, DepthwiseConv2D, BatchNormalization, ReLU and Activation, ZeroPadding2D,
 * Max- and AveragePooling2D, Add, Concatenate, Flatten, Dense, Dropout (inactive: this is
 * inference). A batch normalisation that follows a convolution is folded into its weights once, at
 * load time. Tensors are NCHW; TensorFlow's 'same' padding is kept exactly (see {@link TfLayers}).
 *
 * <p>A convolution whose input has a channel count that is not a multiple of 16 (the picture's 3,
 * MobileNetV2's 24) gets zero channels added to its input and zero weights for them: the same
 * result, but the CPU's convolution (oneDNN works in blocks of 16 channels) then never reads the
 * uninitialised padding of a block, which now and then made its backward pass return NaN.
 *
 * <p>Weights are constants: gradients flow through the network to its input (as a frozen feature
 * extractor in a critic needs), never into it. Not thread-safe for concurrent calls with arrays
 * from one manager; the weights themselves are only read.
 */
public final class KerasNet implements AutoCloseable {

  /** One layer: how to compute it from its inputs' outputs. */
  private interface Op {
    NDArray apply(List<NDArray> in);
  }

  private record Node(String name, String type, List<String> inputs, Op op) {}

  private final Path file;
  private final NDManager weights;
  private final String input;
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Integer> lastUse = new HashMap<>();
  /** Convolutions without an activation of their own, which can absorb a following batch norm. */
  private final Map<String, FoldableConv> foldable = new HashMap<>();
  private List<String> outputs;

  private KerasNet(Path file, NDManager weights, String input) {
    this.file = file;
    this.weights = weights;
    this.input = input;
  }

  /**
   * Reads a Layers model and its weights, keeping what {@code outputs} need.
   *
   * @param topology the model.json that TensorFlow.js writes (topology + weights manifest)
   * @param outputs names of the layers whose outputs {@link #forward} returns, in this order
   * @param remedy what to tell a person whose files are damaged, such as "Copy models/x again."
   * @param manager where the weights live; closing the net closes it
   */
  public static KerasNet load(Path topology, List<String> outputs, String remedy, NDManager manager) {
    JsonElement root = TfWeights.json(topology, remedy, "this TensorFlow.js model file");
    try {
      JsonObject o = root.getAsJsonObject();
      JsonObject config = o.getAsJsonObject("modelTopology").getAsJsonObject("model_config").getAsJsonObject("config");
      TfWeights w = TfWeights.of(topology, o.getAsJsonArray("weightsManifest"), remedy);
      return build(topology, config.getAsJsonArray("layers"), w, outputs, remedy, manager);
    } catch (IllegalStateException | NullPointerException | ClassCastException | UnsupportedOperationException e) {
      throw new ModelException(topology, "is not a TensorFlow.js Layers model (a \"modelTopology\" with "
          + "\"model_config\" layers and a \"weightsManifest\"): " + e.getMessage() + ". " + remedy, e);
    }
  }

  private static KerasNet build(Path file, JsonArray layers, TfWeights w, List<String> outputs, String remedy,
                                NDManager m) {
    Map<String, JsonObject> byName = new LinkedHashMap<>();
    Map<String, List<String>> inbound = new HashMap<>();
    Map<String, Integer> consumers = new HashMap<>();
    String input = null;
    for (JsonElement e : layers) {
      JsonObject layer = e.getAsJsonObject();
      String name = layer.get("name").getAsString();
      byName.put(name, layer);
      List<String> in = new ArrayList<>();
      JsonArray nodes = layer.getAsJsonArray("inbound_nodes");
      if (nodes.size() > 1) {
        throw new ModelException(file, "layer \"" + name + "\" is used more than once (shared layers are not "
            + "supported). " + remedy);
      }
      if (nodes.size() == 1) {
        for (JsonElement t : nodes.get(0).getAsJsonArray()) {
          String from = t.getAsJsonArray().get(0).getAsString();
          in.add(from);
          consumers.merge(from, 1, Integer::sum);
        }
      }
      inbound.put(name, in);
      if ("InputLayer".equals(layer.get("class_name").getAsString())) {
        input = name;
      }
    }
    for (String out : outputs) {
      if (!byName.containsKey(out)) {
        throw new ModelException(file, "has no layer \"" + out + "\": it is not the network Mishmash expects. " + remedy);
      }
    }
    // what the outputs need, walking back from them
    Set<String> needed = new HashSet<>();
    List<String> stack = new ArrayList<>(outputs);
    while (!stack.isEmpty()) {
      String n = stack.remove(stack.size() - 1);
      if (needed.add(n)) {
        stack.addAll(inbound.get(n));
      }
    }
    KerasNet net = new KerasNet(file, m, input);
    Map<String, String> alias = new HashMap<>(); // a folded batch norm stands for its convolution
    for (Map.Entry<String, JsonObject> entry : byName.entrySet()) {
      String name = entry.getKey();
      if (!needed.contains(name) || name.equals(input)) {
        continue;
      }
      JsonObject layer = entry.getValue();
      String type = layer.get("class_name").getAsString();
      JsonObject c = layer.getAsJsonObject("config");
      List<String> in = inbound.get(name).stream().map(x -> alias.getOrDefault(x, x)).toList();
      Layer built = net.new Layer(file, name, type, c, w, remedy);
      if (type.equals("BatchNormalization") && in.size() == 1 && consumers.getOrDefault(inbound.get(name).get(0), 0) == 1
          && net.foldable.containsKey(in.get(0))) {
        float[][] scaleShift = built.batchNorm();
        net.foldable.get(in.get(0)).fold(scaleShift[0], scaleShift[1]);
        alias.put(name, in.get(0));
        continue;
      }
      net.nodes.add(new Node(name, type, in, built.op(m)));
    }
    for (int i = 0; i < net.nodes.size(); i++) {
      for (String x : net.nodes.get(i).inputs()) {
        net.lastUse.put(x, i);
      }
    }
    net.outputs = outputs.stream().map(x -> alias.getOrDefault(x, x)).toList();
    return net;
  }

  /**
   * Runs the network on pictures [B, 3, H, W] (the value range the network was trained on, for
   * TensorFlow.js image models usually [0, 1]) and returns the requested layers' outputs, NCHW for
   * maps, [B, units] after a Flatten or Dense.
   */
  public NDList forward(NDArray pictures) {
    Map<String, NDArray> values = new HashMap<>();
    values.put(input, pictures);
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      List<NDArray> in = new ArrayList<>(n.inputs().size());
      for (String x : n.inputs()) {
        in.add(values.get(x));
      }
      values.put(n.name(), n.op().apply(in));
      for (String x : n.inputs()) {
        if (lastUse.get(x) == i && !outputs.contains(x)) {
          values.remove(x); // let the array go as soon as nothing needs it (closed with the caller's manager)
        }
      }
    }
    NDList out = new NDList(outputs.size());
    for (String o : outputs) {
      out.add(values.get(o));
    }
    return out;
  }

  /** Channels the CPU's convolutions work in. */
  static final int BLOCK = 16;

  /** OIHW weights with zero weights for input channels added up to {@code padded}. */
  static float[] padInputs(float[] oihw, Shape shape, int padded) {
    int out = (int) shape.get(0);
    int in = (int) shape.get(1);
    int taps = (int) (shape.get(2) * shape.get(3));
    float[] p = new float[out * padded * taps];
    for (int o = 0; o < out; o++) {
      System.arraycopy(oihw, o * in * taps, p, o * padded * taps, in * taps);
    }
    return p;
  }

  /** [B, C, H, W] → [B, C]: each channel's mean over its positions. */
  public static NDArray spatialMean(NDArray maps) {
    Shape s = maps.getShape();
    return maps.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    weights.close();
  }

  /** A convolution whose weights are made into arrays on first use, after any batch norm is folded in. */
  private final class FoldableConv {
    final float[] weight;
    final Shape shape;
    float[] bias;
    NDArray w;
    NDArray b;

    FoldableConv(float[] weight, Shape shape, float[] bias) {
      this.weight = weight;
      this.shape = shape;
      this.bias = bias;
    }

    void fold(float[] scale, float[] shift) {
      int out = (int) shape.get(0);
      int per = weight.length / out;
      float[] nb = new float[out];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < per; i++) {
          weight[o * per + i] *= scale[o];
        }
        nb[o] = (bias == null ? 0 : bias[o]) * scale[o] + shift[o];
      }
      bias = nb;
    }

    NDArray weight() {
      if (w == null) {
        w = weights.create(weight, shape);
        b = bias == null ? null : weights.create(bias);
      }
      return w;
    }

    NDArray bias() {
      weight();
      return b;
    }
  }

  /** One layer's configuration and weights, read and checked. */
  private final class Layer {
    final Path file;
    final String name;
    final String type;
    final JsonObject c;
    final TfWeights w;
    final String remedy;

    Layer(Path file, String name, String type, JsonObject c, TfWeights w, String remedy) {
      this.file = file;
      this.name = name;
      this.type = type;
      this.c = c;
      this.w = w;
      this.remedy = remedy;
    }

    ModelException unsupported(String what) {
      return new ModelException(file, "layer \"" + name + "\" (" + type + ") " + what
          + ", which Mishmash cannot run. " + remedy);
    }

    int[] pair(String field) {
      JsonArray a = c.getAsJsonArray(field);
      return new int[] {a.get(0).getAsInt(), a.get(1).getAsInt()};
    }

    String padding() {
      String p = c.get("padding").getAsString();
      if (!p.equals("same") && !p.equals("valid")) {
        throw unsupported("has padding \"" + p + "\"");
      }
      return p;
    }

    /** Scale and shift of an inference-time batch norm: y = x·scale + shift per channel. */
    float[][] batchNorm() {
      float eps = c.get("epsilon").getAsFloat();
      float[] mean = w.get(name + "/moving_mean", -1);
      float[] var = w.get(name + "/moving_variance", mean.length);
      float[] gamma = c.get("scale").getAsBoolean() ? w.get(name + "/gamma", mean.length) : null;
      float[] beta = c.get("center").getAsBoolean() ? w.get(name + "/beta", mean.length) : null;
      float[] scale = new float[mean.length];
      float[] shift = new float[mean.length];
      for (int i = 0; i < mean.length; i++) {
        scale[i] = (float) ((gamma == null ? 1 : gamma[i]) / Math.sqrt(var[i] + eps));
        shift[i] = (beta == null ? 0 : beta[i]) - mean[i] * scale[i];
      }
      return new float[][] {scale, shift};
    }

    Op op(NDManager m) {
      return switch (type) {
        case "Conv2D", "DepthwiseConv2D" -> conv();
        case "BatchNormalization" -> {
          float[][] ss = batchNorm();
          NDArray scale = m.create(ss[0], new Shape(1, ss[0].length, 1, 1));
          NDArray shift = m.create(ss[1], new Shape(1, ss[1].length, 1, 1));
          yield in -> in.get(0).mul(scale).add(shift);
        }
        case "ReLU" -> {
          float max = c.has("max_value") && !c.get("max_value").isJsonNull() ? c.get("max_value").getAsFloat()
              : Float.POSITIVE_INFINITY;
          if (c.has("negative_slope") && c.get("negative_slope").getAsFloat() != 0) {
            throw unsupported("has a negative slope");
          }
          yield in -> Float.isInfinite(max) ? in.get(0).maximum(0f) : in.get(0).clip(0f, max);
        }
        case "Activation" -> activation(c.get("activation").getAsString());
        case "ZeroPadding2D" -> {
          JsonArray p = c.getAsJsonArray("padding");
          int top = p.get(0).getAsJsonArray().get(0).getAsInt();
          int bottom = p.get(0).getAsJsonArray().get(1).getAsInt();
          int left = p.get(1).getAsJsonArray().get(0).getAsInt();
          int right = p.get(1).getAsJsonArray().get(1).getAsInt();
          yield in -> in.get(0).pad(new Shape(left, right, top, bottom), 0);
        }
        case "MaxPooling2D" -> pool(true);
        case "AveragePooling2D" -> pool(false);
        case "GlobalAveragePooling2D" -> in -> spatialMean(in.get(0));
        case "Add" -> in -> {
          NDArray sum = in.get(0);
          for (int i = 1; i < in.size(); i++) {
            sum = sum.add(in.get(i));
          }
          return sum;
        };
        case "Concatenate" -> {
          int axis = c.has("axis") ? c.get("axis").getAsInt() : -1;
          if (axis != -1 && axis != 3) {
            throw unsupported("concatenates along axis " + axis);
          }
          yield in -> NDArrays.concat(new NDList(in), 1);
        }
        case "Flatten" -> in -> {
          NDArray x = in.get(0);
          // Keras flattens channels-last: H, W, C
          return x.getShape().dimension() == 4 ? x.transpose(0, 2, 3, 1).reshape(x.getShape().get(0), -1) : x;
        };
        case "Dense" -> dense(m);
        case "Dropout" -> in -> in.get(0);
        default -> throw unsupported("is of a kind");
      };
    }

    Op activation(String f) {
      return switch (f) {
        case "linear" -> in -> in.get(0);
        case "relu" -> in -> in.get(0).maximum(0f);
        case "relu6" -> in -> in.get(0).clip(0f, 6f);
        case "sigmoid" -> in -> ai.djl.nn.Activation.sigmoid(in.get(0));
        case "tanh" -> in -> in.get(0).tanh();
        case "softmax" -> in -> in.get(0).softmax(-1);
        default -> throw unsupported("uses activation \"" + f + "\"");
      };
    }

    Op conv() {
      boolean depthwise = type.equals("DepthwiseConv2D");
      int[] k = pair("kernel_size");
      int[] s = pair("strides");
      int[] d = c.has("dilation_rate") ? pair("dilation_rate") : new int[] {1, 1};
      if (d[0] != 1 || d[1] != 1 || s[0] != s[1]) {
        throw unsupported("has a dilation or a non-square stride");
      }
      String pad = padding();
      int[] kshape = w.shape(name + (depthwise ? "/depthwise_kernel" : "/kernel"));
      if (kshape.length != 4 || (depthwise && kshape[3] != 1)) {
        throw unsupported("has a kernel of shape " + java.util.Arrays.toString(kshape));
      }
      float[] kernel = w.get(name + (depthwise ? "/depthwise_kernel" : "/kernel"), kshape);
      int groups;
      Shape shape;
      float[] oihw;
      if (depthwise) { // HW C 1 -> C 1 H W
        oihw = TfLayers.transpose(kernel, kshape, 2, 3, 0, 1);
        shape = new Shape(kshape[2], 1, kshape[0], kshape[1]);
        groups = kshape[2];
      } else { // HW I O -> O I H W
        oihw = TfLayers.transpose(kernel, kshape, 3, 2, 0, 1);
        shape = new Shape(kshape[3], kshape[2], kshape[0], kshape[1]);
        groups = 1;
      }
      boolean useBias = !c.has("use_bias") || c.get("use_bias").getAsBoolean();
      float[] bias = useBias ? w.get(name + "/bias", (int) shape.get(0)) : null;
      int inputs = (int) shape.get(1);
      int padded = depthwise ? inputs : (inputs + BLOCK - 1) / BLOCK * BLOCK;
      if (padded != inputs) {
        oihw = padInputs(oihw, shape, padded);
        shape = new Shape(shape.get(0), padded, shape.get(2), shape.get(3));
      }
      int extra = padded - inputs;
      String act = c.has("activation") ? c.get("activation").getAsString() : "linear";
      FoldableConv fc = new FoldableConv(oihw, shape, bias);
      if (act.equals("linear")) {
        foldable.put(name, fc);
      }
      Op activation = activation(act);
      int stride = s[0];
      return in -> {
        NDArray x = in.get(0);
        if (extra > 0) {
          Shape xs = x.getShape();
          x = x.concat(x.getManager().zeros(new Shape(xs.get(0), extra, xs.get(2), xs.get(3))), 1);
        }
        Shape symmetric = new Shape(0, 0);
        if (pad.equals("same")) {
          int[] p = TfLayers.samePadding(x, k[0], k[1], stride);
          if (p[0] == p[1] && p[2] == p[3]) {
            symmetric = new Shape(p[2], p[0]);
          } else {
            x = x.pad(new Shape(p[0], p[1], p[2], p[3]), 0);
          }
        }
        NDArray y = Conv2d.conv2d(x, fc.weight(), fc.bias(), new Shape(stride, stride), symmetric, new Shape(1, 1),
            groups).head();
        return activation.apply(List.of(y));
      };
    }

    Op pool(boolean max) {
      int[] k = pair("pool_size");
      int[] s = c.has("strides") && !c.get("strides").isJsonNull() ? pair("strides") : k;
      if (k[0] != k[1] || s[0] != s[1]) {
        throw unsupported("has a non-square window");
      }
      boolean same = padding().equals("same");
      int kernel = k[0];
      int stride = s[0];
      return in -> {
        NDArray x = in.get(0);
        if (!same) {
          return max ? Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(0, 0), false)
              : Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(0, 0), false, false);
        }
        if (max) {
          return TfLayers.maxPool(x, kernel, stride);
        }
        int[] p = TfLayers.samePadding(x, kernel, stride);
        if (p[0] == p[1] && p[2] == p[3] && p[0] * 2 < kernel && p[2] * 2 < kernel) {
          // TensorFlow's average leaves the padding out of the count. DJL's PyTorch engine does not pass
          // count_include_pad on, so divide by the share of each window that lies inside the picture
          // (1 everywhere, should the engine already leave the padding out)
          Shape k2 = new Shape(kernel, kernel);
          Shape st = new Shape(stride, stride);
          Shape padding = new Shape(p[2], p[0]);
          NDArray inside = Pool.avgPool2d(x.getManager().ones(new Shape(1, 1, x.getShape().get(2), x.getShape().get(3))),
              k2, st, padding, false, false);
          return Pool.avgPool2d(x, k2, st, padding, false, false).div(inside);
        }
        throw unsupported("averages with uneven 'same' padding");
      };
    }

    Op dense(NDManager m) {
      int[] ks = w.shape(name + "/kernel");
      NDArray kernel = m.create(w.get(name + "/kernel", ks), new Shape(ks[0], ks[1]));
      boolean useBias = !c.has("use_bias") || c.get("use_bias").getAsBoolean();
      NDArray bias = useBias ? m.create(w.get(name + "/bias", ks[1])) : null;
      Op activation = activation(c.has("activation") ? c.get("activation").getAsString() : "linear");
      return in -> {
        NDArray y = in.get(0).matMul(kernel);
        return activation.apply(List.of(bias == null ? y : y.add(bias)));
      };
    }
  }
}
