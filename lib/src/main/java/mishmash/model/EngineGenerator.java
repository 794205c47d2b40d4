package mishmash.model;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;

/**
 * An artist's exported generator, run by DJL's PyTorch engine (TorchScript) or OnnxRuntime engine
 * (ONNX). Either one z→image module ({@code files.generator}), or StyleGAN's pair:
 * {@code files.mapping} (z → w) and {@code files.synthesis} (w per layer → image).
 */
final class EngineGenerator extends NetworkGenerator {
  private final EngineNetwork single;
  private final EngineNetwork mapping;
  private final EngineNetwork synthesis;

  EngineGenerator(Manifest manifest, String engine) {
    super(manifest);
    boolean pair = manifest.hasFile("mapping") || manifest.hasFile("synthesis");
    if (!pair && !manifest.hasFile("generator")) {
      throw new ModelException(manifest.folder().resolve(Manifest.FILE_NAME), "\"files\" must name either "
          + "\"generator\" (one z→image network) or \"mapping\" and \"synthesis\" (StyleGAN's pair).");
    }
    EngineNetwork s = null;
    EngineNetwork m = null;
    EngineNetwork y = null;
    try {
      if (pair) {
        m = new EngineNetwork(manifest.file("mapping"), engine);
        y = new EngineNetwork(manifest.file("synthesis"), engine);
      } else {
        s = new EngineNetwork(manifest.file("generator"), engine);
      }
      this.single = s;
      this.mapping = m;
      this.synthesis = y;
      probe();
    } catch (RuntimeException e) {
      for (EngineNetwork n : new EngineNetwork[] {s, m, y}) {
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
    for (EngineNetwork n : new EngineNetwork[] {single, mapping, synthesis}) {
      if (n != null) {
        n.close();
      }
    }
  }
}
