package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * w per layer → picture. Stage 0 starts from a learned 4×4 block; every later stage doubles the
 * size. Each stage has two 3×3 convolutions, each followed by adaptive instance normalisation
 * driven by its own layer of w, and a leaky ReLU. A 1×1 convolution and tanh give RGB in [-1, 1].
 */
public final class SynthesisNet extends AbstractBlock {
  private final int wDim;
  private final int[] channels;
  private final Parameter constant;
  private final List<Conv2d> convs = new ArrayList<>();
  private final List<Linear> styles = new ArrayList<>();
  private final Conv2d toRgb;

  public SynthesisNet(int wDim, int[] channels) {
    this.wDim = wDim;
    this.channels = channels.clone();
    this.constant = addParameter(Parameter.builder()
        .setName("const")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(1, channels[0], 4, 4))
        .optInitializer(new NormalInitializer(1f))
        .build());
    for (int stage = 0; stage < channels.length; stage++) {
      for (int k = 0; k < 2; k++) {
        String name = "s" + stage + "_" + k;
        convs.add(addChildBlock("conv_" + name, Conv2d.builder()
            .setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels[stage]).build()));
        styles.add(addChildBlock("style_" + name, Linear.builder().setUnits(2L * channels[stage]).build()));
      }
    }
    this.toRgb = addChildBlock("to_rgb", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(3).build());
  }

  public int layers() {
    return convs.size();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ws = inputs.head();
    long batch = ws.getShape().get(0);
    NDArray c = ps.getValue(constant, ws.getDevice(), training);
    // start from the input's manager so nothing attaches to the weights' manager and leaks
    NDArray x = ws.getManager().zeros(new Shape(batch, channels[0], 4, 4)).add(c);
    for (int layer = 0; layer < convs.size(); layer++) {
      if (layer % 2 == 0 && layer > 0) {
        x = upsample2x(x);
      }
      x = convs.get(layer).forward(ps, new NDList(x), training).head();
      NDArray w = ws.get(":, " + layer + ", :");
      x = Activation.leakyRelu(adaIn(x, styles.get(layer).forward(ps, new NDList(w), training).head()), 0.2f);
    }
    return new NDList(toRgb.forward(ps, new NDList(x), training).head().tanh());
  }

  /** Nearest-neighbour doubling: each pixel repeated along height, then width (its backward is a sum). */
  static NDArray upsample2x(NDArray x) {
    return x.repeat(2, 2).repeat(3, 2);
  }

  /** Instance-normalise each channel, then scale by (1 + a) and shift by b, both taken from w. */
  static NDArray adaIn(NDArray x, NDArray style) {
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long pixels = s.get(2) * s.get(3);
    // instance norm as a layer norm over each channel's pixels: one fused op, and a much faster backward
    NDManager m = x.getManager();
    NDArray normed = LayerNorm.layerNorm(x.reshape(b, c, pixels), new Shape(pixels), m.ones(new Shape(pixels)),
        m.zeros(new Shape(pixels)), 1e-5f).head().reshape(s);
    NDArray ab = style.reshape(b, 2, c, 1, 1);
    NDArray scale = ab.get(":, 0").add(1f);
    NDArray shift = ab.get(":, 1");
    return normed.mul(scale).add(shift);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    int size = 4;
    int in = channels[0];
    for (int layer = 0; layer < convs.size(); layer++) {
      int stage = layer / 2;
      if (layer % 2 == 0 && layer > 0) {
        size *= 2;
      }
      convs.get(layer).initialize(manager, dataType, new Shape(batch, in, size, size));
      styles.get(layer).initialize(manager, dataType, new Shape(batch, wDim));
      in = channels[stage];
    }
    toRgb.initialize(manager, dataType, new Shape(batch, in, size, size));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    int size = 4 << (channels.length - 1);
    return new Shape[] {new Shape(inputShapes[0].get(0), 3, size, size)};
  }
}
