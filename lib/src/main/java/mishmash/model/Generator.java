package mishmash.model;

import java.util.List;

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

  /** Frees the model's native memory. */
  @Override
  void close();
}
