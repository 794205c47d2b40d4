package mishmash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The discriminator D, here a critic that scores how real a picture looks (hinge loss: above +1 is
 * surely real, below −1 surely fake). Every layer is spectrally normalised.
 *
 * <p>The picture first becomes a half-size stack of its 2×2 pixel blocks (12 channels, padded to
 * 16). Then, from half size down to 8×8, each level has a 3×3 convolution, a halving through
 * StyleGAN2's [1, 3, 3, 1] low-pass filter ({@link mishmash.model.net.Resample#downsample}) and a
 * 3×3 convolution at the new size: no strided convolution, whose aliasing fed checkerboards and
 * diagonal streaks back to the first default model's generator. (That model's critic, with a
 * stride-2 4×4 convolution instead, is {@code blur = false}.) At 4×4, minibatch standard deviation channels let D see when the generator's
 * pictures all look alike, which is what pushes G away from mode collapse. With domains, the score
 * adds a projection term: how well the features match the embedding of the picture's domain
 * (Miyato &amp; Koyama 2018).
 *
 * <p>Every convolution has a multiple of 16 channels in and out. With fewer (3 for RGB, 8, or 33)
 * the CPU convolution's backward pass now and then returned NaN: oneDNN pads channels to blocks of
 * 16 and the padding held whatever the memory held before.
 *
 * <p>Input: pictures [B, 3, S, S] in [-1, 1] and, when there are domains, their one-hot domains
 * [B, K, 1, 1]. Output: scores [B].
 */
final class Critic extends AbstractBlock {

  /**
   * @param widths channels at each size from S/2 down to 4: S = 8·2^(widths.length−1)
   * @param domains 0 for an unconditioned critic
   */
  record Config(int[] widths, int domains, boolean blur) {
    Config(int[] widths, int domains) {
      this(widths, domains, true);
    }

    int imageSize() {
      return 8 << (widths.length - 1);
    }

    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "critic-s2d");
      JsonArray w = new JsonArray();
      for (int c : widths) {
        w.add(c);
      }
      o.add("widths", w);
      o.addProperty("domains", domains);
      o.addProperty("downsampling", blur ? "blur" : "strided");
      return o;
    }

    /**
     * Narrow at large sizes, where every pixel costs, doubling as the pictures halve, up to 128:
     * for 128×128 pictures, 16, 32, 64, 128, 128 at 64, 32, 16, 8 and 4 pixels.
     */
    static Config forSize(int size, int domains) {
      return forSize(size, domains, true);
    }

    static Config forSize(int size, int domains, boolean blur) {
      int levels = Integer.numberOfTrailingZeros(size) - 2;
      int[] widths = new int[levels];
      for (int i = 0; i < levels; i++) {
        widths[i] = Math.min(128, 16 << i);
      }
      return new Config(widths, domains, blur);
    }
  }

  static final int MBSTD_GROUP = 4;
  static final int MBSTD_CHANNELS = 16;
  /** 2×2 blocks of RGB pixels, padded with zero channels to a multiple of 16. */
  static final int STEM_CHANNELS = 16;

  private final Config config;
  private final SpectralConv stem;
  private final List<SpectralConv> convs = new ArrayList<>();
  private final List<SpectralConv> downs = new ArrayList<>();
  private final SpectralConv last3;
  private final SpectralConv last4;
  private final SpectralConv out;
  private final SpectralConv embed;

  Critic(Config config) {
    this.config = config;
    int[] w = config.widths();
    stem = addChildBlock("stem", new SpectralConv(w[0], 3, 1, 1, true));
    for (int i = 0; i < w.length - 1; i++) {
      convs.add(addChildBlock("conv" + i, new SpectralConv(w[i], 3, 1, 1, true)));
      downs.add(addChildBlock("down" + i, config.blur() ? new SpectralConv(w[i + 1], 3, 1, 1, true)
          : new SpectralConv(w[i + 1], 4, 2, 1, true)));
    }
    int top = w[w.length - 1];
    last3 = addChildBlock("last3", new SpectralConv(top, 3, 1, 1, true));
    last4 = addChildBlock("last4", new SpectralConv(top, 4, 1, 0, true));
    out = addChildBlock("out", new SpectralConv(1, 1, 1, 0, true));
    embed = config.domains() > 0 ? addChildBlock("embed", new SpectralConv(top, 1, 1, 0, false)) : null;
  }

  Config config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = act(stem.forward(ps, new NDList(spaceToDepth(inputs.head())), training).head());
    for (int i = 0; i < convs.size(); i++) {
      x = act(convs.get(i).forward(ps, new NDList(x), training).head());
      if (config.blur()) {
        x = mishmash.model.net.Resample.downsample(x);
      }
      x = act(downs.get(i).forward(ps, new NDList(x), training).head());
    }
    x = minibatchStd(x);
    x = act(last3.forward(ps, new NDList(x), training).head());
    NDArray h = act(last4.forward(ps, new NDList(x), training).head()); // [B, F, 1, 1]
    NDArray score = out.forward(ps, new NDList(h), training).head();
    if (embed != null) {
      NDArray e = embed.forward(ps, new NDList(inputs.get(1)), training).head();
      score = score.add(e.mul(h).sum(new int[] {1}, true));
    }
    return new NDList(score.reshape(-1));
  }

  /** [B, 3, S, S] → [B, 16, S/2, S/2]: each 2×2 block's 12 values, then 4 zero channels. */
  static NDArray spaceToDepth(NDArray x) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), h = s.get(2) / 2, w = s.get(3) / 2;
    NDArray blocks = x.reshape(b, c, h, 2, w, 2).transpose(0, 1, 3, 5, 2, 4).reshape(b, c * 4, h, w);
    return blocks.concat(x.getManager().zeros(new Shape(b, STEM_CHANNELS - c * 4, h, w)), 1);
  }

  private static NDArray act(NDArray x) {
    return Activation.leakyRelu(x, 0.2f);
  }

  /**
   * Appends {@link #MBSTD_CHANNELS} channels: the standard deviation of each feature across a
   * group of consecutive pictures, averaged within each of that many slices of the channels. Groups
   * are consecutive so that a batch of reals followed by fakes never mixes the two in one group.
   * (Sixteen rather than StyleGAN's one channel keeps the channel count a multiple of 16: with an
   * odd count, the CPU convolution that follows now and then returned NaN.)
   */
  static NDArray minibatchStd(NDArray x) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
    long g = groupSize(b);
    long f = MBSTD_CHANNELS;
    NDArray y = x.reshape(b / g, g, f, c / f, h, w);
    NDArray centred = y.sub(y.mean(new int[] {1}, true));
    NDArray std = centred.square().mean(new int[] {1}).add(1e-8f).sqrt();           // [b/g, f, c/f, h, w]
    NDArray stat = std.reshape(b / g, f, -1).mean(new int[] {2}).reshape(b / g, 1, f, 1, 1);
    NDArray channels = stat.broadcast(new Shape(b / g, g, f, h, w)).reshape(b, f, h, w);
    return x.concat(channels, 1);
  }

  static long groupSize(long batch) {
    for (long g = MBSTD_GROUP; g > 1; g--) {
      if (batch % g == 0) {
        return g;
      }
    }
    return 1;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    int[] w = config.widths();
    long side = config.imageSize() / 2;
    stem.initialize(manager, dataType, new Shape(batch, STEM_CHANNELS, side, side));
    for (int i = 0; i < convs.size(); i++) {
      convs.get(i).initialize(manager, dataType, new Shape(batch, w[i], side, side));
      long in = config.blur() ? side / 2 : side;
      downs.get(i).initialize(manager, dataType, new Shape(batch, w[i], in, in));
      side /= 2;
    }
    int top = w[w.length - 1];
    last3.initialize(manager, dataType, new Shape(batch, top + MBSTD_CHANNELS, 4, 4));
    last4.initialize(manager, dataType, new Shape(batch, top, 4, 4));
    out.initialize(manager, dataType, new Shape(batch, top, 1, 1));
    if (embed != null) {
      embed.initialize(manager, dataType, new Shape(batch, config.domains(), 1, 1));
    }
  }

  /** Builds fresh weights. */
  void initialize(NDManager manager) {
    Shape images = new Shape(MBSTD_GROUP, 3, config.imageSize(), config.imageSize());
    if (embed != null) {
      initialize(manager, DataType.FLOAT32, images, new Shape(MBSTD_GROUP, config.domains(), 1, 1));
    } else {
      initialize(manager, DataType.FLOAT32, images);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0))};
  }
}
