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
 * One exported network file (TorchScript or ONNX) and the DJL engine that runs it. Shared by
 * {@link EngineGenerator} and {@link EngineTranslator}, so both report a missing or broken file the
 * same way. Every call frees the native memory it used.
 */
final class EngineNetwork implements AutoCloseable {
  final Path file;
  private final String engine;
  private final Model model;
  private final ParameterStore store;

  /**
   * @param engine "PyTorch" for TorchScript, "OnnxRuntime" for ONNX
   * @throws ModelException when the file is missing or the engine cannot read it
   */
  EngineNetwork(Path file, String engine) {
    this.file = file;
    this.engine = engine;
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
      throw new ModelException(file, "cannot be loaded by the " + engine + " engine ("
          + NetworkGenerator.firstLine(e) + "). It may be truncated or not a " + formatName()
          + " file: export it again (see docs/bring-your-own-model.md).", e);
    }
    store = new ParameterStore(model.getNDManager(), false);
  }

  /** "TorchScript" or "ONNX": what the file should be, for messages. */
  String formatName() {
    return engine.equals("PyTorch") ? "TorchScript" : "ONNX";
  }

  /** Runs the network on one float32 tensor and copies its first output out of native memory. */
  NetworkGenerator.Output run(float[] data, Shape shape) {
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDArray in = m.create(data, shape);
      NDList out = model.getBlock().forward(store, new NDList(in), false);
      NetworkGenerator.Output o = DjlGenerator.copy(out.head());
      out.close();
      return o;
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
