package mishmash.model;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mishmash.files.Header;
import mishmash.model.net.StyleNet;

/** A model in the project's own format: a {@link StyleNet} rebuilt from model.json, weights from a file. */
final class DjlGenerator extends NetworkGenerator {
  private final Path weights;
  private final NDManager root;
  private final StyleNet net;
  private final ParameterStore store;

  DjlGenerator(Manifest manifest) {
    super(manifest);
    Path json = manifest.folder().resolve(Manifest.FILE_NAME);
    StyleNet.Config config;
    try {
      config = StyleNet.Config.fromJson(manifest.latentSize(), manifest.architecture());
    } catch (RuntimeException e) {
      throw new ModelException(json, "\"architecture\" is not usable: " + e.getMessage()
          + ". Use the model.json that the training command wrote with these weights.", e);
    }
    if (config.imageSize() != manifest.width() || config.imageSize() != manifest.height()) {
      throw new ModelException(json, "the architecture draws " + config.imageSize() + "x" + config.imageSize()
          + " images but image_size says " + manifest.width() + "x" + manifest.height() + ". Fix image_size.");
    }
    this.weights = manifest.file("weights");
    this.net = new StyleNet(config);
    this.root = Engine.getEngine("PyTorch").newBaseManager();
    try {
      WeightsFile.read(weights, root, net);
      this.store = new ParameterStore(root, false);
      probe();
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  @Override
  public boolean hasMapping() {
    return true;
  }

  @Override
  protected Path weightsFile() {
    return weights;
  }

  @Override
  public List<String> domains() {
    return net.config().domains();
  }

  @Override
  protected Output runMapping(float[] z, int n) {
    return runMapping(z, null, n);
  }

  @Override
  protected Output runMapping(float[] z, float[] mix, int n) {
    try (NDManager m = root.newSubManager()) {
      NDList in = new NDList(m.create(z, new Shape(n, manifest.latentSize())));
      if (mix != null) {
        float[] rows = new float[n * mix.length];
        for (int i = 0; i < n; i++) {
          System.arraycopy(mix, 0, rows, i * mix.length, mix.length);
        }
        in.add(m.create(rows, new Shape(n, mix.length)));
      }
      return copy(net.mapping().forward(store, in, false).head());
    }
  }

  @Override
  protected Output runSynthesis(float[] styles, int n, int layers, int dim) {
    try (NDManager m = root.newSubManager()) {
      NDArray in = m.create(styles, new Shape(n, layers, dim));
      return copy(net.synthesis().forward(store, new NDList(in), false).head());
    }
  }

  @Override
  public List<float[][]> styleWeights() {
    List<float[][]> out = new java.util.ArrayList<>();
    for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : net.synthesis().getParameters()) {
      NDArray w = p.getValue().getArray();
      Shape s = w.getShape();
      if (p.getKey().contains("style") && p.getKey().endsWith("weight") && s.dimension() == 2
          && s.get(1) == styleSize()) {
        float[] flat = w.toFloatArray();
        float[][] m = new float[(int) s.get(0)][];
        for (int r = 0; r < m.length; r++) {
          m[r] = java.util.Arrays.copyOfRange(flat, r * (int) s.get(1), (r + 1) * (int) s.get(1));
        }
        out.add(m);
      }
    }
    return out;
  }

  private volatile boolean frozen;

  @Override
  public java.util.Optional<Differentiable> differentiable() {
    if (!frozen) {
      synchronized (this) {
        net.synthesis().freezeParameters(true); // gradients go to the styles only
        frozen = true;
      }
    }
    float low = manifest.pixelMin();
    float span = manifest.pixelMax() - manifest.pixelMin();
    return java.util.Optional.of(styles -> net.synthesis().forward(store, new NDList(styles), false).head()
        .sub(low).div(span));
  }

  static Output copy(NDArray a) {
    return new Output(a.toFloatArray(), a.getShape().getShape());
  }

  @Override
  public synchronized void close() {
    root.close();
  }

  /** The weights file: a short header, then DJL's parameter serialisation of the whole net. */
  static final class WeightsFile {
    static final String MAGIC = "mishmash-stylenet";
    static final int VERSION = 1;

    private WeightsFile() {}

    static void read(Path file, NDManager manager, StyleNet net) {
      if (!Files.isRegularFile(file)) {
        throw new ModelException(file, "missing. model.json names it under \"files\"; copy the weights "
            + "file into the model folder, or fix the name in model.json.");
      }
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        int version = Header.version(in, MAGIC);
        if (version == Header.NOT_THIS_KIND) {
          throw new ModelException(file, "is not a Mishmash weights file (it does not start with \""
              + MAGIC + "\"). Re-copy it, or re-run the training command that made it.");
        }
        if (version != VERSION) {
          throw new ModelException(file, "is weights format version " + version + "; this Mishmash reads version "
              + VERSION + ". Update Mishmash or re-train.");
        }
        net.loadParameters(manager, in);
        if (in.read() != -1) {
          throw new ModelException(file, "has data after the last weight: it does not belong to this "
              + "architecture. Use the model.json that came with these weights.");
        }
      } catch (EOFException e) {
        throw new ModelException(file, "is truncated (" + size(file) + " bytes, ends in the middle of the "
            + "weights). Copy it again, or re-run the training command that made it.", e);
      } catch (MalformedModelException | IllegalArgumentException | IllegalStateException e) {
        throw new ModelException(file, "does not match the architecture in model.json ("
            + NetworkGenerator.firstLine(e) + "). Use the model.json that came with these weights.", e);
      } catch (IOException e) {
        throw new ModelException(file, "cannot be read (" + e + ").", e);
      }
    }

    static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        return -1;
      }
    }
  }
}
