package mishmash.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;

/**
 * Latent vectors in, pictures out. Load one with {@link Models#load(String)}.
 *
 * <pre>
 * Generator gan = Models.load("default");
 * Image[] creatures = gan.generate(Latents.batch(seed, 16, gan.latentSize()));
 * </pre>
 *
 * Where the model has a mapping network ({@link #hasMapping()}), {@link #map} gives one style
 * vector per synthesis layer, which can be truncated toward the average creature (ψ), mixed
 * between creatures layer by layer and interpolated, before {@link #synthesize} draws them.
 * Calls are thread-safe; each one frees all the native memory it used.
 */
public interface Generator extends AutoCloseable {

  Manifest manifest();

  default int latentSize() {
    return manifest().latentSize();
  }

  default int width() {
    return manifest().width();
  }

  default int height() {
    return manifest().height();
  }

  /** True when styles are StyleGAN-like w vectors: ψ truncates toward the mean w, layers mix. */
  boolean hasMapping();

  /** Style layers per image: the synthesis network's w count, or 1 for a plain z→image model. */
  int styleLayers();

  /** Floats per style layer: w's size, or the latent size for a plain model. */
  int styleSize();

  /**
   * z → styles, truncated by {@code psi}: 1 leaves them as they are, 0 gives the average creature.
   * A plain z→image model has no mean w, so there ψ scales z toward zero, which has a similar
   * (weaker) effect.
   */
  Styles map(float[][] z, float psi);

  /**
   * The domains a model was trained on as separate kinds of picture, in order — for Mishmash's
   * default model: faces, machines, cells. Empty for a model without domains.
   */
  default List<String> domains() {
    return List.of();
  }

  /**
   * z → styles for a blend of the {@link #domains()}: one weight per domain, such as
   * {0.5, 0.3, 0.2} for half face, a third machine, a fifth cell (weights are scaled to sum to 1).
   * {@link #map(float[][], float)} takes an even blend. A model without domains takes an empty mix.
   */
  default Styles map(float[][] z, float[] mix, float psi) {
    if (mix.length != 0) {
      throw new IllegalArgumentException("this model has no domains to mix; pass an empty mix");
    }
    return map(z, psi);
  }

  /** Styles → pictures, one per image in the batch. */
  Image[] synthesize(Styles styles);

  default Image[] generate(float[][] z, float psi) {
    return synthesize(map(z, psi));
  }

  default Image[] generate(float[][] z) {
    return generate(z, 1f);
  }

  default Image generate(float[] z) {
    return generate(new float[][] {z})[0];
  }

  /**
   * The weights of the affine layers that turn each layer's w into that layer's style: one
   * {@code [outputs][styleSize]} matrix per styled layer. Closed-form semantic directions (SeFa) are
   * read from them. Empty where the engine does not expose a network's weights (TorchScript, ONNX).
   */
  default List<float[][]> styleWeights() {
    return List.of();
  }

  /**
   * The synthesis network as a function that gradients flow through, for inverting a picture by
   * optimisation (the mirror's still mode). Empty where the engine gives no gradients.
   */
  default Optional<Differentiable> differentiable() {
    return Optional.empty();
  }

  /** The synthesis network on DJL arrays; the network's own weights never change. */
  interface Differentiable {
    /**
     * Styles {@code [B, layers, dim]} (an array that may require gradients) → pictures
     * {@code [B, 3, height, width]} with values 0 (black) to 1 (white), in the styles' manager.
     * Call it inside a {@code GradientCollector} to get gradients with respect to the styles.
     */
    NDArray synthesize(NDArray styles);
  }

  /** Frees the model's native memory. */
  @Override
  void close();
}
