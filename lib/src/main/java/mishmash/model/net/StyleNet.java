package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Mishmash's own generator, a small style-based GAN in the manner of StyleGAN: a mapping network
 * turns z into a style vector w, and a synthesis network grows a picture from a learned 4×4 block,
 * doubling the size at each stage, with every convolution's channels scaled and shifted by its own
 * layer's w (adaptive instance normalisation). One w per layer is what makes truncation and style
 * mixing possible.
 *
 * <p>Upsampling is nearest-neighbour followed by a 3×3 convolution, because DJL's PyTorch engine
 * has no transposed convolution.
 *
 * <p>A net may be conditioned on {@code domains} (such as faces, machines, cells): the mapping
 * network then also takes a mixture of them, one weight per domain. Training shows it one domain
 * at a time; at inference any blend (0.5 face + 0.3 machine + 0.2 cell) draws a hybrid.
 */
public final class StyleNet extends AbstractBlock {

  /**
   * How to build the network; stored in model.json under "architecture".
   *
   * @param synthesis {@link #ADAIN} (the first default model's: convolutions with adaptive instance
   *     normalisation, one picture at the end) or {@link #SKIP} ({@link SkipSynthesisNet}: modulated
   *     convolutions, noise, blurred upsampling and a picture at every level)
   */
  public record Config(int latentSize, int wDim, int mappingLayers, int[] channels, List<String> domains,
                       String synthesis) {

    public static final String TYPE = "stylenet";
    public static final String ADAIN = "adain";
    public static final String SKIP = "skip";

    public Config {
      if (channels.length < 1) {
        throw new IllegalArgumentException("a StyleNet needs at least one stage");
      }
      if (!ADAIN.equals(synthesis) && !SKIP.equals(synthesis)) {
        throw new IllegalArgumentException("synthesis must be \"" + ADAIN + "\" or \"" + SKIP + "\", not \""
            + synthesis + "\"");
      }
      domains = List.copyOf(domains);
    }

    /** The first default model's kind of net. */
    public Config(int latentSize, int wDim, int mappingLayers, int[] channels, List<String> domains) {
      this(latentSize, wDim, mappingLayers, channels, domains, ADAIN);
    }

    /** An unconditioned net: z alone decides the picture. */
    public Config(int latentSize, int wDim, int mappingLayers, int[] channels) {
      this(latentSize, wDim, mappingLayers, channels, List.of());
    }

    /** True when the mapping network also takes a mixture of domains. */
    public boolean conditioned() {
      return !domains.isEmpty();
    }

    /** Output side in pixels: 4 at the first stage, doubled at each further one. */
    public int imageSize() {
      return 4 << (channels.length - 1);
    }

    /** Two styled convolutions per stage. */
    public int styleLayers() {
      return 2 * channels.length;
    }

    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", TYPE);
      o.addProperty("w_dim", wDim);
      o.addProperty("mapping_layers", mappingLayers);
      JsonArray c = new JsonArray();
      for (int ch : channels) {
        c.add(ch);
      }
      o.add("channels", c);
      if (conditioned()) {
        JsonArray d = new JsonArray();
        domains.forEach(d::add);
        o.add("domains", d);
      }
      if (!ADAIN.equals(synthesis)) {
        o.addProperty("synthesis", synthesis);
      }
      return o;
    }

    /** Reads the "architecture" object; throws IllegalArgumentException saying what is wrong. */
    public static Config fromJson(int latentSize, JsonObject o) {
      if (!o.has("type") || !TYPE.equals(o.get("type").getAsString())) {
        throw new IllegalArgumentException("architecture.type must be \"" + TYPE + "\"");
      }
      for (String f : new String[] {"w_dim", "mapping_layers", "channels"}) {
        if (!o.has(f)) {
          throw new IllegalArgumentException("architecture has no \"" + f + "\"");
        }
      }
      JsonArray a = o.getAsJsonArray("channels");
      int[] channels = new int[a.size()];
      for (int i = 0; i < channels.length; i++) {
        channels[i] = a.get(i).getAsInt();
      }
      List<String> domains = new ArrayList<>();
      if (o.has("domains")) {
        o.getAsJsonArray("domains").forEach(d -> domains.add(d.getAsString()));
      }
      return new Config(latentSize, o.get("w_dim").getAsInt(), o.get("mapping_layers").getAsInt(), channels,
          domains, o.has("synthesis") ? o.get("synthesis").getAsString() : ADAIN);
    }
  }

  private final Config config;
  private final MappingNet mapping;
  private final Block synthesis;

  public StyleNet(Config config) {
    this.config = config;
    this.mapping = addChildBlock("mapping", new MappingNet(config.latentSize(), config.wDim(), config.mappingLayers(),
        config.domains().size()));
    this.synthesis = addChildBlock("synthesis", Config.SKIP.equals(config.synthesis())
        ? new SkipSynthesisNet(config.wDim(), config.channels()) : new SynthesisNet(config.wDim(), config.channels()));
  }

  public Config config() {
    return config;
  }

  /** z [B, latent] (and, when conditioned, a domain mixture [B, domains]) → w [B, wDim]. */
  public MappingNet mapping() {
    return mapping;
  }

  /** w per layer [B, layers, wDim] → image [B, 3, size, size] in [-1, 1]. */
  public Block synthesis() {
    return synthesis;
  }

  /** Builds fresh weights. */
  public void initialize(NDManager manager) {
    if (config.conditioned()) {
      initialize(manager, DataType.FLOAT32, new Shape(1, config.latentSize()), new Shape(1, config.domains().size()));
    } else {
      initialize(manager, DataType.FLOAT32, new Shape(1, config.latentSize()));
    }
  }

  /** z (and a domain mixture) → image, every layer with the same w: the path training takes. */
  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray w = mapping.forward(ps, inputs, training).head();
    NDArray ws = w.expandDims(1).repeat(1, config.styleLayers());
    return synthesis.forward(ps, new NDList(ws), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    mapping.initialize(manager, dataType, inputShapes);
    synthesis.initialize(manager, dataType, new Shape(batch, config.styleLayers(), config.wDim()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    return new Shape[] {new Shape(batch, 3, config.imageSize(), config.imageSize())};
  }
}
