package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * w per layer → picture, in the manner of StyleGAN2's synthesis network with output skips: every
 * level draws its own RGB picture, added to the level below's, upsampled. So the coarse levels
 * settle the layout early in training and the fine ones only add detail.
 *
 * <p>Level 0 works on a learned 4×4 block with two modulated 3×3 convolutions. Every further level
 * first narrows the channels with a modulated 3×3 convolution at the level below's size (cheap),
 * then doubles the size ({@link Resample#upsample}: no blocks, no checkerboard) and convolves again
 * at the new size. Each convolution takes its own layer's w and per-pixel noise. Layer 2·i and
 * 2·i + 1 belong to level i, as in {@link SynthesisNet}.
 *
 * <p>The sum of the levels' pictures goes through tanh, so every colour stays in range: a critic
 * that judges pretrained features would otherwise let the generator drift into colours beyond
 * white and black, which those features barely tell apart.
 *
 * <p>Noise: random in training; fixed maps (the same for every creature, from a fixed seed) when
 * drawing, so a creature's genes alone decide its picture.
 */
public final class SkipSynthesisNet extends AbstractBlock {
  static final long NOISE_SEED = 0x6E6F697365L;

  private final int wDim;
  private final int[] channels;
  private final Parameter constant;
  private final List<ModulatedConv> convs = new ArrayList<>();
  private final List<ModulatedConv> toRgb = new ArrayList<>();
  private final List<float[]> fixedNoise = new ArrayList<>();

  public SkipSynthesisNet(int wDim, int[] channels) {
    this.wDim = wDim;
    this.channels = channels.clone();
    this.constant = addParameter(Parameter.builder().setName("const").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(1, channels[0], 4, 4)).optInitializer(new NormalInitializer(1f)).build());
    Random random = new Random(NOISE_SEED);
    for (int level = 0; level < channels.length; level++) {
      int in = level == 0 ? channels[0] : channels[level - 1];
      int out = channels[level];
      convs.add(addChildBlock("conv_" + level + "_a", new ModulatedConv(in, out, 3, true, true, true)));
      convs.add(addChildBlock("conv_" + level + "_b", new ModulatedConv(out, out, 3, true, true, true)));
      toRgb.add(addChildBlock("to_rgb_" + level, new ModulatedConv(out, 3, 1, false, false, false)));
      int size = 4 << level;
      int below = level == 0 ? size : size / 2;
      fixedNoise.add(gaussian(random, below * below));
      fixedNoise.add(gaussian(random, size * size));
    }
  }

  private static float[] gaussian(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  public int layers() {
    return convs.size();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ws = inputs.head();
    NDManager m = ws.getManager();
    long batch = ws.getShape().get(0);
    NDArray c = ps.getValue(constant, ws.getDevice(), training);
    NDArray x = m.zeros(new Shape(batch, channels[0], 4, 4)).add(c); // in the input's manager: nothing leaks
    NDArray rgb = null;
    for (int level = 0; level < channels.length; level++) {
      for (int k = 0; k < 2; k++) {
        int layer = 2 * level + k;
        if (level > 0 && k == 1) {
          x = Resample.upsample(x);
        }
        NDArray w = ws.get(":, " + layer + ", :");
        x = convs.get(layer).forward(ps, new NDList(x, w, noise(m, layer, batch, x.getShape(), training)), training)
            .head();
      }
      NDArray w = ws.get(":, " + (2 * level + 1) + ", :");
      NDArray here = toRgb.get(level).forward(ps, new NDList(x, w), training).head();
      rgb = rgb == null ? here : Resample.upsample(rgb).add(here);
    }
    return new NDList(rgb.tanh());
  }

  private NDArray noise(NDManager m, int layer, long batch, Shape at, boolean training) {
    Shape one = new Shape(training ? batch : 1, 1, at.get(2), at.get(3));
    return training ? m.randomNormal(one) : m.create(fixedNoise.get(layer), one);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape w = new Shape(batch, wDim);
    for (int level = 0; level < channels.length; level++) {
      int size = 4 << level;
      int below = level == 0 ? size : size / 2;
      int in = level == 0 ? channels[0] : channels[level - 1];
      convs.get(2 * level).initialize(manager, dataType, new Shape(batch, in, below, below), w,
          new Shape(batch, 1, below, below));
      convs.get(2 * level + 1).initialize(manager, dataType, new Shape(batch, channels[level], size, size), w,
          new Shape(batch, 1, size, size));
      toRgb.get(level).initialize(manager, dataType, new Shape(batch, channels[level], size, size), w);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    int size = 4 << (channels.length - 1);
    return new Shape[] {new Shape(inputShapes[0].get(0), 3, size, size)};
  }
}
