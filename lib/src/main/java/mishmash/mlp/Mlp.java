package mishmash.mlp;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import mishmash.files.Header;
import mishmash.model.NativeTuning;

/**
 * A small fully connected network on DJL: inputs standardised (each minus its mean, times one over
 * its spread, as measured on the training data), hidden layers with leaky ReLU, outputs in the units
 * of the targets it learned — or, for an output marked binary, a probability. Mishmash's inverter
 * and attribute reader are made of these, trained on features computed once and kept.
 *
 * <p>{@link #predict} is thread-safe. Close it to free its native memory.
 */
public final class Mlp implements AutoCloseable {
  static final String MAGIC = "mishmash-mlp";
  static final int VERSION = 1;

  /**
   * The layers: {@code inputs} → each of {@code hidden} → {@code outputs}; {@code binary[k]} marks an
   * output learned as a yes/no (a logistic output read as a probability).
   */
  public record Layout(int inputs, int[] hidden, int outputs, boolean[] binary) {
    public Layout {
      if (inputs < 1 || outputs < 1 || binary.length != outputs) {
        throw new IllegalArgumentException("an MLP of " + inputs + " inputs and " + outputs + " outputs ("
            + binary.length + " marked)");
      }
      for (int h : hidden) {
        if (h < 1) {
          throw new IllegalArgumentException("a hidden layer of " + h + " units");
        }
      }
      hidden = hidden.clone();
      binary = binary.clone();
    }

    public Layout(int inputs, int[] hidden, int outputs) {
      this(inputs, hidden, outputs, new boolean[outputs]);
    }

    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("inputs", inputs);
      JsonArray h = new JsonArray();
      for (int v : hidden) {
        h.add(v);
      }
      o.add("hidden", h);
      o.addProperty("outputs", outputs);
      JsonArray b = new JsonArray();
      for (boolean v : binary) {
        b.add(v);
      }
      o.add("binary", b);
      return o;
    }

    static Layout fromJson(JsonObject o) {
      JsonArray h = o.getAsJsonArray("hidden");
      int[] hidden = new int[h.size()];
      for (int i = 0; i < hidden.length; i++) {
        hidden[i] = h.get(i).getAsInt();
      }
      JsonArray b = o.getAsJsonArray("binary");
      boolean[] binary = new boolean[b.size()];
      for (int i = 0; i < binary.length; i++) {
        binary[i] = b.get(i).getAsBoolean();
      }
      return new Layout(o.get("inputs").getAsInt(), hidden, o.get("outputs").getAsInt(), binary);
    }
  }

  private final Layout layout;
  private final NDManager root;
  private final SequentialBlock block;
  private final ParameterStore store;
  float[] inMean;
  float[] inScale;
  float[] outMean;
  float[] outScale;

  private Mlp(Layout layout) {
    NativeTuning.apply();
    this.layout = layout;
    this.root = Engine.getEngine("PyTorch").newBaseManager();
    this.block = new SequentialBlock();
    for (int h : layout.hidden()) {
      block.add(Linear.builder().setUnits(h).build());
      block.add(Activation.leakyReluBlock(0.2f));
    }
    block.add(Linear.builder().setUnits(layout.outputs()).build());
    this.store = new ParameterStore(root, false);
    inMean = new float[layout.inputs()];
    inScale = filled(layout.inputs(), 1);
    outMean = new float[layout.outputs()];
    outScale = filled(layout.outputs(), 1);
  }

  /** A network with fresh random weights (from the engine's seed: set it first for a repeatable one). */
  public static Mlp create(Layout layout) {
    Mlp m = new Mlp(layout);
    m.block.initialize(m.root, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, layout.inputs()));
    return m;
  }

  public Layout layout() {
    return layout;
  }

  SequentialBlock block() {
    return block;
  }

  NDManager manager() {
    return root;
  }

  ParameterStore store() {
    return store;
  }

  /** How many weights it has. */
  public long weights() {
    long n = 0;
    for (var p : block.getParameters()) {
      n += p.getValue().getArray().size();
    }
    return n;
  }

  /** Outputs for each row of inputs: targets' units, or probabilities for binary outputs. */
  public float[][] predict(float[][] x) {
    float[][] out = new float[x.length][];
    for (int from = 0; from < x.length; from += 256) {
      int n = Math.min(256, x.length - from);
      float[] flat = new float[n * layout.inputs()];
      for (int i = 0; i < n; i++) {
        if (x[from + i].length != layout.inputs()) {
          throw new IllegalArgumentException("row " + (from + i) + " has " + x[from + i].length + " inputs, the network takes "
              + layout.inputs());
        }
        standardise(x[from + i], flat, i * layout.inputs());
      }
      float[] y;
      try (NDManager m = root.newSubManager()) {
        NDArray in = m.create(flat, new ai.djl.ndarray.types.Shape(n, layout.inputs()));
        y = block.forward(store, new NDList(in), false).head().toFloatArray();
      }
      int k = layout.outputs();
      for (int i = 0; i < n; i++) {
        float[] row = Arrays.copyOfRange(y, i * k, (i + 1) * k);
        for (int j = 0; j < k; j++) {
          row[j] = layout.binary()[j] ? (float) (1 / (1 + Math.exp(-row[j]))) : outMean[j] + row[j] / outScale[j];
        }
        out[from + i] = row;
      }
    }
    return out;
  }

  public float[] predict(float[] x) {
    return predict(new float[][] {x})[0];
  }

  void standardise(float[] x, float[] into, int at) {
    for (int j = 0; j < x.length; j++) {
      into[at + j] = (x[j] - inMean[j]) * inScale[j];
    }
  }

  /** The block's raw outputs for standardised inputs (for training). */
  NDArray forward(ParameterStore ps, NDArray standardised, boolean training) {
    return block.forward(ps, new NDList(standardised), training).head();
  }

  /** Writes the layout, the standardisation and the weights. */
  public void write(DataOutputStream out) throws IOException {
    Header.write(out, MAGIC, VERSION);
    out.writeUTF(layout.toJson().toString());
    for (float[] v : new float[][] {inMean, inScale, outMean, outScale}) {
      for (float f : v) {
        out.writeFloat(f);
      }
    }
    block.saveParameters(out);
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException saying what is wrong, for the caller to name the file
   */
  public static Mlp read(DataInputStream in) throws IOException {
    int version = Header.version(in, MAGIC);
    if (version != VERSION) {
      throw new IOException(version == Header.NOT_THIS_KIND ? "it holds no network where one should be"
          : "its network is format version " + version + "; this Mishmash reads version " + VERSION);
    }
    Layout layout;
    try {
      layout = Layout.fromJson(JsonParser.parseString(in.readUTF()).getAsJsonObject());
    } catch (RuntimeException e) {
      throw new IOException("its network's layout cannot be read (" + e.getMessage() + ")", e);
    }
    Mlp m = new Mlp(layout);
    try {
      m.inMean = floats(in, layout.inputs());
      m.inScale = floats(in, layout.inputs());
      m.outMean = floats(in, layout.outputs());
      m.outScale = floats(in, layout.outputs());
      m.block.initialize(m.root, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, layout.inputs()));
      m.block.loadParameters(m.root, in);
      return m;
    } catch (MalformedModelException | RuntimeException e) {
      m.close();
      throw new IOException("its network's weights do not fit its layout (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      m.close();
      throw e;
    }
  }

  private static float[] floats(DataInputStream in, int n) throws IOException {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readFloat();
      if (!Float.isFinite(v[i])) {
        throw new IOException("its network holds a " + v[i]);
      }
    }
    return v;
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    Arrays.fill(a, v);
    return a;
  }

  @Override
  public void close() {
    root.close();
  }
}
