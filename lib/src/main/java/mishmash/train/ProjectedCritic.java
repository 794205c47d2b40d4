package mishmash.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mishmash.features.FeatureNet;

/**
 * A projected discriminator (Sauer et al., "Projected GANs Converge Faster", NeurIPS 2021): the
 * critic does not learn to see from scratch; it looks at pictures through the early layers of a
 * pretrained network ({@code models/mobilenet-v2}, frozen), at four scales, and only small heads
 * on top of those features learn to tell real from generated.
 *
 * <p>Between the network and the heads, fixed random layers spread the information over channels
 * and scales, as in the paper: a 1×1 convolution per scale widens its channels (cross-channel
 * mixing), and each scale also receives the coarser scale's features, upsampled (cross-scale
 * mixing, here with 1×1 projections). These are never trained; they come from a seed. Each scale's
 * features are divided by their typical size on real pictures ({@link #calibrate}).
 *
 * <p>Each head is a few spectrally normalised convolutions (4×4, stride 2) down to 8×8, then a 4×4
 * convolution to a map of scores (5×5; 1×1 for the 4×4 scale, and for smaller scales one as large
 * as the scale). With domains, a head's score is how real its features look plus their projection
 * on the embedding of a domain (Miyato &amp; Koyama 2018), and each head has its own domain: the coarse scales judge a picture's layout against the domain of the
 * generator's coarse layers, the finest judges its texture against the domain of the fine layers.
 * That is how a creature with a face's layout and a machine's skin is trained to look real as both.
 *
 * <p>Pretrained features care little for colour: heads on them alone let the generator drift into
 * pure blues and greens that they scored as more real than real pictures. So one more small head,
 * learned from scratch, judges the picture itself at 32×32 pixels (colour and layout), without a
 * domain.
 *
 * <p>Input pictures [B, 3, S, S] in [-1, 1]; {@link #features} runs the frozen part, {@link #scores}
 * the heads, so a critic step can compute the features without recording a graph.
 */
final class ProjectedCritic extends AbstractBlock {
  /** Channels of the score maps that the domain embedding is projected on. */
  static final int CMAP = 64;
  /** The side the pixel head sees the picture at (averaged down from the picture's own). */
  static final int PIXEL_SIDE = 32;
  /** The smallest picture the pretrained network takes; smaller ones are enlarged to it. */
  static final int SMALLEST = 32;
  static final long MIXING_SEED = 0x5CA1AB1EL;

  /**
   * @param features the features model folder name (under models/)
   * @param mixing channels per scale after cross-channel mixing, finest first
   * @param domains 0 for an unconditioned critic
   */
  record Config(String features, int[] mixing, int domains, int imageSize) {
    static Config forSize(int size, int domains) {
      return new Config("mobilenet-v2", new int[] {32, 64, 128, 256}, domains, size);
    }

    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "projected");
      o.addProperty("features", features);
      JsonArray m = new JsonArray();
      for (int c : mixing) {
        m.add(c);
      }
      o.add("mixing", m);
      o.addProperty("domains", domains);
      return o;
    }
  }

  private final Config config;
  private final FeatureNet net;
  private final List<List<SpectralConv>> downs = new ArrayList<>();
  private final List<SpectralConv> finals = new ArrayList<>();
  private final List<SpectralConv> embeds = new ArrayList<>();
  private final List<SpectralConv> unconditional = new ArrayList<>();
  /** The head on the picture itself, at {@link #PIXEL_SIDE} pixels: colour and layout, learned from scratch. */
  private final List<SpectralConv> pixelHead = new ArrayList<>();
  private final NDManager fixed;
  private final List<NDArray> ccm = new ArrayList<>();
  private final List<NDArray> csm = new ArrayList<>();
  private final float[] scale;
  private int[] sizes;
  private long[] tapChannels;

  ProjectedCritic(Config config) {
    this.config = config;
    this.net = FeatureNet.load(config.features(), "taps");
    this.fixed = Engine.getEngine("PyTorch").newBaseManager();
    int scales = net.layers().size();
    if (scales != config.mixing().length) {
      throw new IllegalArgumentException(config.features() + " reads " + scales + " scales but the critic mixes "
          + config.mixing().length);
    }
    this.scale = new float[scales];
    java.util.Arrays.fill(scale, 1f);
    probeShapes();
    Random random = new Random(MIXING_SEED);
    for (int i = 0; i < scales; i++) {
      int c = config.mixing()[i];
      ccm.add(randomConv(random, c, (int) tapChannels[i], padded(tapChannels[i])));
      csm.add(i + 1 < scales ? randomConv(random, c, config.mixing()[i + 1], config.mixing()[i + 1]) : null);
      List<SpectralConv> d = new ArrayList<>();
      int size = sizes[i];
      int ch = c;
      while (size > 8) {
        int next = Math.min(256, ch * 2);
        d.add(addChildBlock("head" + i + "_down" + d.size(), new SpectralConv(next, 4, 2, 1, true)));
        ch = next;
        size /= 2;
      }
      downs.add(d);
      int outputs = config.domains() > 0 ? CMAP : 1;
      finals.add(addChildBlock("head" + i + "_out", new SpectralConv(outputs, Math.min(4, size), 1, 0, true)));
      if (config.domains() > 0) {
        embeds.add(addChildBlock("head" + i + "_embed", new SpectralConv(CMAP, 1, 1, 0, false)));
        unconditional.add(addChildBlock("head" + i + "_real", new SpectralConv(1, 1, 1, 0, true)));
      }
    }
    buildPixelHead();
  }

  Config config() {
    return config;
  }

  private void buildPixelHead() {
    pixelHead.add(addChildBlock("pixels_in", new SpectralConv(64, 3, 1, 1, true)));
    pixelHead.add(addChildBlock("pixels_down", new SpectralConv(128, 4, 2, 1, true)));
    pixelHead.add(addChildBlock("pixels_out", new SpectralConv(1, 4, 1, 0, true)));
  }

  /** The tap sizes and channels for this picture size, from one probe through the network. */
  private void probeShapes() {
    try (NDManager m = fixed.newSubManager()) {
      int side = Math.max(SMALLEST, config.imageSize());
      NDList taps = net.forward(m.zeros(new Shape(1, 3, side, side)));
      sizes = new int[taps.size()];
      tapChannels = new long[taps.size()];
      for (int i = 0; i < taps.size(); i++) {
        tapChannels[i] = taps.get(i).getShape().get(1);
        sizes[i] = (int) taps.get(i).getShape().get(2);
      }
    }
  }

  /**
   * A fixed 1×1 convolution out × in with weights N(0, 1/in), and zero weights for inputs from
   * {@code in} to {@code padded}.
   */
  private NDArray randomConv(Random random, int out, int in, int padded) {
    float[] w = new float[out * padded];
    double std = 1 / Math.sqrt(in);
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o * padded + i] = (float) (random.nextGaussian() * std);
      }
    }
    return fixed.create(w, new Shape(out, padded, 1, 1));
  }

  /**
   * Channels rounded up to a multiple of 16. A convolution over an input whose channels are not (24 at
   * MobileNetV2's finest tap) sees zero channels added: the CPU's convolution works in blocks of 16,
   * and with a partly filled block its backward pass now and then returned garbage (10^33, then NaN).
   */
  static int padded(long channels) {
    return (int) ((channels + 15) / 16 * 16);
  }

  /** Which band of the generator's layers each scale judges: 0 coarse, 1 middle, 2 fine (finest scale first). */
  int band(int scale) {
    return scale == 0 ? 2 : scale == 1 ? 1 : 0;
  }

  int scales() {
    return finals.size();
  }

  /**
   * The frozen part: pretrained taps, mixed across channels and scales, each scale divided by its
   * calibrated size. Records a graph only inside a gradient collector.
   */
  NDList features(NDArray pictures) {
    // pictures in [-1, 1]: what MobileNetV2's ImageNet layers (all the taps but the last) were trained on
    NDArray in = pictures;
    long side = pictures.getShape().get(2);
    if (side < SMALLEST) {
      in = ai.djl.pytorch.jni.JniUtils.interpolate((ai.djl.pytorch.engine.PtNDArray) pictures,
          new long[] {SMALLEST, SMALLEST}, mishmash.model.net.Resample.BILINEAR, false);
    }
    NDList taps = net.forward(in);
    int n = taps.size();
    NDArray[] mixed = new NDArray[n];
    for (int i = n - 1; i >= 0; i--) {
      NDArray tap = taps.get(i);
      long missing = ccm.get(i).getShape().get(1) - tap.getShape().get(1);
      if (missing > 0) {
        Shape t = tap.getShape();
        tap = tap.concat(tap.getManager().zeros(new Shape(t.get(0), missing, t.get(2), t.get(3))), 1);
      }
      NDArray y = conv1x1(tap, ccm.get(i));
      if (i + 1 < n) {
        NDArray coarse = conv1x1(mixed[i + 1], csm.get(i));
        y = y.add(coarse.repeat(2, 2).repeat(3, 2));
      }
      mixed[i] = y;
    }
    NDList out = new NDList(n + 1);
    for (int i = 0; i < n; i++) {
      out.add(mixed[i].mul(1f / scale[i]));
    }
    out.add(small(pictures));
    return out;
  }

  /**
   * The picture for the pixel head: averaged down to {@link #PIXEL_SIDE} pixels, then each 2×2
   * block's 12 values as channels, with 4 zero channels (a multiple of 16, for the CPU's
   * convolutions), at half that side.
   */
  private NDArray small(NDArray pictures) {
    int side = (int) pictures.getShape().get(2);
    int factor = Math.max(1, side / PIXEL_SIDE);
    NDArray x = factor > 1 ? ai.djl.nn.pooling.Pool.avgPool2d(pictures, new Shape(factor, factor),
        new Shape(factor, factor), new Shape(0, 0), false, true) : pictures;
    return Critic.spaceToDepth(x);
  }

  private static NDArray conv1x1(NDArray x, NDArray w) {
    return Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1)).head();
  }

  /** Sets each scale's divisor to the root mean square of its mixed features on these real pictures. */
  void calibrate(NDArray realPictures) {
    java.util.Arrays.fill(scale, 1f);
    NDList f = features(realPictures);
    for (int i = 0; i < scale.length; i++) {
      scale[i] = (float) Math.sqrt(f.get(i).square().mean().getFloat() + 1e-8);
    }
  }

  float[] calibration() {
    return scale.clone();
  }

  void setCalibration(float[] s) {
    System.arraycopy(s, 0, scale, 0, scale.length);
  }

  /**
   * Scores for features from {@link #features}: one [B, N] map per head (the pixel head first),
   * flattened. {@code domains} holds one [B, K] one-hot per band (coarse, middle, fine), or is null
   * without domains.
   */
  NDList scores(ParameterStore ps, NDList features, NDArray[] domains, boolean training) {
    NDList all = new NDList();
    NDArray pixels = features.get(features.size() - 1);
    for (int k = 0; k < pixelHead.size(); k++) {
      pixels = pixelHead.get(k).forward(ps, new NDList(pixels), training).head();
      if (k + 1 < pixelHead.size()) {
        pixels = Activation.leakyRelu(pixels, 0.2f);
      }
    }
    all.add(pixels.reshape(pixels.getShape().get(0), -1));
    for (int i = 0; i < features.size() - 1; i++) {
      NDArray x = features.get(i);
      for (SpectralConv d : downs.get(i)) {
        x = Activation.leakyRelu(batchNorm(d.forward(ps, new NDList(x), training).head()), 0.2f);
      }
      NDArray out = finals.get(i).forward(ps, new NDList(x), training).head();
      long b = out.getShape().get(0);
      if (config.domains() > 0) {
        NDArray label = domains[band(i)];
        NDArray e = embeds.get(i).forward(ps, new NDList(label.reshape(b, config.domains(), 1, 1)), training).head();
        NDArray real = unconditional.get(i).forward(ps, new NDList(Activation.leakyRelu(out, 0.2f)), training).head();
        out = real.reshape(b, -1).add(out.mul(e).sum(new int[] {1}).reshape(b, -1).mul((float) (1 / Math.sqrt(CMAP))));
      }
      all.add(out.reshape(b, -1));
    }
    return all;
  }

  /**
   * Each channel standardised over the batch and its positions, as Projected GAN's heads do: the
   * critic is called on real pictures and on generated ones separately, so each batch is judged
   * against its own statistics.
   */
  static NDArray batchNorm(NDArray x) {
    Shape s = x.getShape();
    NDArray perChannel = x.transpose(1, 0, 2, 3).reshape(s.get(1), -1);
    NDArray mean = perChannel.mean(new int[] {1}, true);
    NDArray centred = perChannel.sub(mean);
    NDArray std = centred.square().mean(new int[] {1}, true).add(1e-5f).sqrt();
    return centred.div(std).reshape(s.get(1), s.get(0), s.get(2), s.get(3)).transpose(1, 0, 2, 3);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("use features() and scores()");
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    int half = Math.min(PIXEL_SIDE, config.imageSize()) / 2;
    pixelHead.get(0).initialize(manager, dataType, new Shape(batch, Critic.STEM_CHANNELS, half, half));
    pixelHead.get(1).initialize(manager, dataType, new Shape(batch, 64, half, half));
    pixelHead.get(2).initialize(manager, dataType, new Shape(batch, 128, half / 2, half / 2));
    for (int i = 0; i < finals.size(); i++) {
      int size = sizes[i];
      long ch = config.mixing()[i];
      for (SpectralConv d : downs.get(i)) {
        d.initialize(manager, dataType, new Shape(batch, ch, size, size));
        ch = d.getOutputShapes(new Shape[] {new Shape(batch, ch, size, size)})[0].get(1);
        size /= 2;
      }
      finals.get(i).initialize(manager, dataType, new Shape(batch, ch, size, size));
      if (config.domains() > 0) {
        embeds.get(i).initialize(manager, dataType, new Shape(batch, config.domains(), 1, 1));
        Shape map = finals.get(i).getOutputShapes(new Shape[] {new Shape(batch, ch, size, size)})[0];
        unconditional.get(i).initialize(manager, dataType, map);
      }
    }
  }

  /** Builds fresh weights. */
  void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(4, 3, config.imageSize(), config.imageSize()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), -1)};
  }

  /** Frees the pretrained network and the fixed layers. */
  void free() {
    net.close();
    fixed.close();
  }
}
