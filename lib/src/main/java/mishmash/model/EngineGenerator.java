package mishmash.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An artist's exported generator, run by DJL's PyTorch engine (TorchScript) or OnnxRuntime engine
 * (ONNX). Either one z→image module ({@code files.generator}), or StyleGAN's pair:
 * {@code files.mapping} (z → w) and {@code files.synthesis} (w per layer → image).
 */
final class EngineGenerator extends NetworkGenerator {
  private final Network single;
  private final Network mapping;
  private final Network synthesis;

  EngineGenerator(Manifest manifest, String engine) {
    super(manifest);
    boolean pair = manifest.hasFile("mapping") || manifest.hasFile("synthesis");
    if (!pair && !manifest.hasFile("generator")) {
      throw new ModelException(manifest.folder().resolve(Manifest.FILE_NAME), "\"files\" must name either "
          + "\"generator\" (one z→image network) or \"mapping\" and \"synthesis\" (StyleGAN's pair).");
    }
    Network s = null;
    Network m = null;
    Network y = null;
    try {
      if (pair) {
        m = new Network(manifest.file("mapping"), engine);
        y = new Network(manifest.file("synthesis"), engine);
      } else {
        s = new Network(manifest.file("generator"), engine);
      }
      this.single = s;
      this.mapping = m;
      this.synthesis = y;
      probe();
    } catch (RuntimeException e) {
      for (Network n : new Network[] {s, m, y}) {
        if (n != null) {
          n.close();
        }
      }
      throw e;
    }
  }

  @Override
  public boolean hasMapping() {
    return mapping != null;
  }

  @Override
  protected Path weightsFile() {
    return single != null ? single.file : synthesis.file;
  }

  @Override
  protected Output runMapping(float[] z, int n) {
    return mapping.run(z, new Shape(n, manifest.latentSize()));
  }

  @Override
  protected Output runSynthesis(float[] styles, int n, int layers, int dim) {
    return single != null
        ? single.run(styles, new Shape(n, manifest.latentSize()))
        : synthesis.run(styles, new Shape(n, layers, dim));
  }

  @Override
  public synchronized void close() {
    for (Network n : new Network[] {single, mapping, synthesis}) {
      if (n != null) {
        n.close();
      }
    }
  }

  /** One exported network file and the engine that runs it. */
  private static final class Network implements AutoCloseable {
    final Path file;
    final Model model;
    final ParameterStore store;

    Network(Path file, String engine) {
      this.file = file;
      if (!Files.isRegularFile(file)) {
        throw new ModelException(file, "missing. model.json names it under \"files\"; copy the exported "
            + "network into the model folder, or fix the name in model.json.");
      }
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      model = Model.newInstance(name, engine);
      try {
        model.load(file.getParent(), dot > 0 ? name.substring(0, dot) : name);
      } catch (Exception e) {
        model.close();
        throw new ModelException(file, "cannot be loaded by the " + engine + " engine (" + firstLine(e)
            + "). It may be truncated or not a " + (engine.equals("PyTorch") ? "TorchScript" : "ONNX")
            + " file: export it again (see docs/bring-your-own-model.md).", e);
      }
      store = new ParameterStore(model.getNDManager(), false);
    }

    Output run(float[] data, Shape shape) {
      try (NDManager m = model.getNDManager().newSubManager()) {
        NDArray in = m.create(data, shape);
        NDList out = model.getBlock().forward(store, new NDList(in), false);
        NDArray head = out.head();
        Output o = DjlGenerator.copy(head);
        out.close();
        return o;
      }
    }

    @Override
    public void close() {
      model.close();
    }
  }
}
