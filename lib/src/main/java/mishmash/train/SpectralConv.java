package mishmash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A 2-D convolution with spectral normalisation (Miyato et al. 2018): the weight, seen as a matrix
 * [out, in·k·k], is divided by its largest singular value, so the layer can stretch no input by
 * more than 1. That keeps the critic Lipschitz and its gradients useful to the generator. DJL has
 * no such layer.
 *
 * <p>The singular value comes from one step of power iteration per training forward pass, with
 * the running vector {@code u} kept as a non-trainable parameter (so checkpoints keep it too).
 * Where the kernel covers the whole input (a 1×1 convolution on [B, C, 1, 1], or 4×4 on 4×4) it is
 * a linear layer, and runs as one.
 */
final class SpectralConv extends AbstractBlock {
  private final int filters;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final Parameter weight;
  private final Parameter bias;
  private final Parameter u;

  SpectralConv(int filters, int kernel, int stride, int padding, boolean withBias) {
    this.filters = filters;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
    this.bias = withBias
        ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
        : null;
    this.u = addParameter(Parameter.builder().setName("u").setType(Parameter.Type.OTHER)
        .optInitializer(new NormalInitializer(1f)).optRequiresGrad(false).optShape(new Shape(filters, 1)).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDManager m = x.getManager();
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray uVec = ps.getValue(u, x.getDevice(), training);
    // ops whose first operand is a parameter land in the parameter's manager: move them to the batch's
    NDArray matrix = own(w.reshape(filters, -1), m);
    NDArray fixed = matrix.stopGradient();
    NDArray v = normalise(fixed.transpose().matMul(uVec));
    NDArray uNext = normalise(fixed.matMul(v));
    NDArray sigma = uNext.transpose().matMul(matrix).matMul(v).reshape(1);
    if (training) {
      uVec.intern(uNext.duplicate());
    }
    NDArray normed = own(w.div(sigma), m);
    NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
    if (dense(x)) {
      // the kernel covers the whole input: a matrix product, which also avoids the CPU convolution's
      // blocked-channel path for counts such as 1 or 3 channels
      NDArray y = x.reshape(x.getShape().get(0), -1).matMul(normed.reshape(filters, -1).transpose());
      return new NDList((b == null ? y : y.add(b)).reshape(-1, filters, 1, 1));
    }
    return new NDList(Conv2d.conv2d(x, normed, b, new Shape(stride, stride), new Shape(padding, padding),
        new Shape(1, 1)).head());
  }

  private boolean dense(NDArray x) {
    return padding == 0 && x.getShape().get(2) == kernel && x.getShape().get(3) == kernel;
  }

  private static NDArray own(NDArray a, NDManager m) {
    a.attach(m);
    return a;
  }

  private static NDArray normalise(NDArray v) {
    return v.div(v.norm().add(1e-12f));
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long in = inputShapes[0].get(1);
    weight.setShape(new Shape(filters, in, kernel, kernel));
    if (bias != null) {
      bias.setShape(new Shape(filters));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    long h = (s.get(2) + 2L * padding - kernel) / stride + 1;
    long w = (s.get(3) + 2L * padding - kernel) / stride + 1;
    return new Shape[] {new Shape(s.get(0), filters, h, w)};
  }
}
