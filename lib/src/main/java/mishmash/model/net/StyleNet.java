package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Mishmash's own generator, a small style-based GAN in the manner of StyleGAN: a mapping network
 * turns z into a style vector w, and a synthesis network grows a picture from a learned 4×4 block,
 * doubling the size at each stage, with every convolution's channels scaled and shifted by its own
 * layer's w (adaptive instance normalisation). One w per layer is what makes truncation and style
 * mixing possible.
 *
 * <p>Upsampling is nearest-neighbour followed by a 3×3 convolution, because DJL's PyTorch engine
 * has no transposed convolution.
 */
public final class StyleNet extends AbstractBlock {

  /** How to build the network; stored in model.json under "architecture". */
  public record Config(int latentSize, int wDim, int mappingLayers, int[] channels) {

    public static final String TYPE = "stylenet";

    public Config {
      if (channels.length < 1) {
        throw new IllegalArgumentException("a StyleNet needs at least one stage");
      }
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
      return new Config(latentSize, o.get("w_dim").getAsInt(), o.get("mapping_layers").getAsInt(), channels);
    }
  }

  private final Config config;
  private final MappingNet mapping;
  private final SynthesisNet synthesis;

  public StyleNet(Config config) {
    this.config = config;
    this.mapping = addChildBlock("mapping", new MappingNet(config.latentSize(), config.wDim(), config.mappingLayers()));
    this.synthesis = addChildBlock("synthesis", new SynthesisNet(config.wDim(), config.channels()));
  }

  public Config config() {
    return config;
  }

  /** z [B, latent] → w [B, wDim]. */
  public MappingNet mapping() {
    return mapping;
  }

  /** w per layer [B, layers, wDim] → image [B, 3, size, size] in [-1, 1]. */
  public SynthesisNet synthesis() {
    return synthesis;
  }

  /** Builds fresh weights for a batch of {@code batch} (the batch size does not stay in the weights). */
  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, config.latentSize()));
  }

  /** z → image, every layer with the same w: the path training takes. */
  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray w = mapping.forward(ps, inputs, training).head();
    NDArray ws = w.expandDims(1).repeat(1, config.styleLayers());
    return synthesis.forward(ps, new NDList(ws), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    mapping.initialize(manager, dataType, inputShapes[0]);
    synthesis.initialize(manager, dataType, new Shape(batch, config.styleLayers(), config.wDim()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    return new Shape[] {new Shape(batch, 3, config.imageSize(), config.imageSize())};
  }
}
