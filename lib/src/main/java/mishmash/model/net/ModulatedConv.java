package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * StyleGAN2's modulated convolution: the layer's style w scales each input channel, the
 * convolution runs with weights shared by the whole batch, and each output channel is then divided
 * by the norm its weights had after the scaling (demodulation), so a style changes what a layer
 * draws without inflating it. Then per-pixel noise (a learned amount), a bias and a leaky ReLU (no
 * gain after it: the next layer's demodulation makes the scale of its input irrelevant).
 * Weights are drawn from N(0, 1) and scaled by 1/√fan-in when used (the "equalized learning rate",
 * which keeps every layer learning at the same pace under Adam).
 *
 * <p>Without demodulation, activation and noise it is the 1×1 "to RGB" layer.
 *
 * <p>Inputs: x [B, C, H, W], w [B, wDim] and, with noise, noise [B, 1, H, W]. Output [B, filters, H, W].
 */
public final class ModulatedConv extends AbstractBlock {
  private final int filters;
  private final int kernel;
  private final boolean demodulate;
  private final boolean activate;
  private final boolean withNoise;
  private final Linear style;
  private final Parameter weight;
  private final Parameter bias;
  private final Parameter noiseStrength;

  public ModulatedConv(int inChannels, int filters, int kernel, boolean demodulate, boolean activate,
                       boolean withNoise) {
    this.filters = filters;
    this.kernel = kernel;
    this.demodulate = demodulate;
    this.activate = activate;
    this.withNoise = withNoise;
    this.style = addChildBlock("style", Linear.builder().setUnits(inChannels).build());
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
        .optInitializer(new NormalInitializer(1f)).optShape(new Shape(filters, inChannels, kernel, kernel)).build());
    this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
        .optInitializer(new ConstantInitializer(0f)).optShape(new Shape(filters)).build());
    this.noiseStrength = withNoise ? addParameter(Parameter.builder().setName("noise_strength")
        .setType(Parameter.Type.WEIGHT).optInitializer(new ConstantInitializer(0f)).optShape(new Shape(1)).build())
        : null;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray w = inputs.get(1);
    NDManager m = x.getManager();
    long b = x.getShape().get(0);
    long c = x.getShape().get(1);
    // the style per input channel, around 1 (the affine layer's bias starts at 1)
    NDArray s = style.forward(ps, new NDList(w), training).head().add(1f);                       // [B, C]
    NDArray weights = own(ps.getValue(weight, x.getDevice(), training).mul(1f / (float) Math.sqrt(c * kernel * kernel)), m);
    NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(x.mul(s.reshape(b, c, 1, 1)), weights, null, new Shape(1, 1),
        new Shape(kernel / 2, kernel / 2), new Shape(1, 1)).head();
    if (demodulate) {
      // Σ over inputs and taps of (weight · s)² = s² · Σ_taps weight², per output channel
      NDArray energy = own(weights.square().sum(new int[] {2, 3}), m);                             // [F, C]
      NDArray d = s.square().matMul(energy.transpose()).add(1e-8f).sqrt().pow(-1f);                          // [B, F]
      y = y.mul(d.reshape(b, filters, 1, 1));
    }
    if (withNoise) {
      NDArray strength = ps.getValue(noiseStrength, x.getDevice(), training);
      y = y.add(inputs.get(2).mul(strength));
    }
    NDArray bb = ps.getValue(bias, x.getDevice(), training);
    y = y.add(bb.reshape(1, filters, 1, 1));
    return new NDList(activate ? Activation.leakyRelu(y, 0.2f).mul((float) Math.sqrt(2)) : y);
  }

  private NDArray conv(NDArray x, NDArray w, NDArray b) {
    return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(kernel / 2, kernel / 2),
        new Shape(1, 1)).head();
  }

  private static NDArray own(NDArray a, NDManager m) {
    a.attach(m);
    return a;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    style.initialize(manager, dataType, inputShapes[1]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), filters, s.get(2), s.get(3))};
  }
}
