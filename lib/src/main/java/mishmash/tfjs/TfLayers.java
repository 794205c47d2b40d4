package mishmash.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

/**
 * TensorFlow's convolution layers rebuilt on DJL's PyTorch engine, with TensorFlow's padding rules.
 *
 * <p>Tensors here are NCHW (PyTorch); weights arrive in TensorFlow's HWIO layout and are transposed
 * once, when they are loaded. TensorFlow's {@code 'same'} padding puts the odd pixel of padding at
 * the right and bottom (for a 3×3 kernel at stride 2 on an even size: none before, one after), while
 * PyTorch pads both sides alike; so uneven padding is done here explicitly, with zeros before a
 * convolution and with −∞ before a max-pool (TensorFlow's pools ignore the padding).
 */
public final class TfLayers {
  private TfLayers() {}

  /** A convolution: weight OIHW, bias per output channel. */
  public record Conv(NDArray weight, NDArray bias) {
    public int kernel() {
      return (int) weight.getShape().get(2);
    }
  }

  /** TensorFlow's separable convolution: depthwise (one 3×3 filter per channel, no bias), then pointwise 1×1 plus bias. */
  public record Separable(NDArray depthwise, NDArray noBias, NDArray pointwise, NDArray bias) {}

  /** A fully connected layer: weight [in, out] as TensorFlow stores it, bias [out]. */
  public record Dense(NDArray weight, NDArray bias) {}

  /** Loads {@code prefix/filters} and {@code prefix/bias} as a convolution. */
  public static Conv conv(TfWeights w, NDManager m, String prefix) {
    int[] s = w.shape(prefix + "/filters");
    if (s.length != 4) {
      w.get(prefix + "/filters", -1, -1, -1, -1);
    }
    float[] oihw = transpose(w.get(prefix + "/filters", s), s, 3, 2, 0, 1);
    return new Conv(m.create(oihw, new Shape(s[3], s[2], s[0], s[1])), m.create(w.get(prefix + "/bias", s[3])));
  }

  /** Loads {@code prefix/depthwise_filter}, {@code prefix/pointwise_filter} and {@code prefix/bias}. */
  public static Separable separable(TfWeights w, NDManager m, String prefix) {
    int[] d = w.shape(prefix + "/depthwise_filter");
    if (d.length != 4 || d[3] != 1) {
      w.get(prefix + "/depthwise_filter", -1, -1, -1, 1);
    }
    int channels = d[2];
    float[] depth = transpose(w.get(prefix + "/depthwise_filter", d), d, 2, 3, 0, 1);
    int[] p = w.shape(prefix + "/pointwise_filter");
    float[] point = transpose(w.get(prefix + "/pointwise_filter", 1, 1, channels, -1), p, 3, 2, 0, 1);
    return new Separable(m.create(depth, new Shape(channels, 1, d[0], d[1])), m.zeros(new Shape(channels)),
        m.create(point, new Shape(p[3], p[2], 1, 1)), m.create(w.get(prefix + "/bias", p[3])));
  }

  /** Loads {@code prefix/weights} [in, out] and {@code prefix/bias}. */
  public static Dense dense(TfWeights w, NDManager m, String prefix, int in, int out) {
    return new Dense(m.create(w.get(prefix + "/weights", in, out), new Shape(in, out)),
        m.create(w.get(prefix + "/bias", out)));
  }

  /**
   * A convolution's input with TensorFlow's 'same' padding for a k×k window: left to the
   * convolution as its own symmetric padding where it is symmetric, else padded with zeros first
   * (TensorFlow puts the odd pixel on the right and bottom).
   */
  private record Padded(NDArray in, Shape symmetric) {
    static Padded same(NDArray x, int k, int stride) {
      int[] pad = samePadding(x, k, stride);
      if (pad[0] == pad[1] && pad[2] == pad[3]) {
        return new Padded(x, new Shape(pad[2], pad[0]));
      }
      return new Padded(x.pad(new Shape(pad[0], pad[1], pad[2], pad[3]), 0), new Shape(0, 0));
    }
  }

  /** Convolution with TensorFlow's 'same' padding. */
  public static NDArray conv(NDArray x, Conv c, int stride) {
    Padded p = Padded.same(x, c.kernel(), stride);
    return Conv2d.conv2d(p.in(), c.weight(), c.bias(), new Shape(stride, stride), p.symmetric(), new Shape(1, 1))
        .head();
  }

  /** Convolution without padding (TensorFlow's 'valid'). */
  public static NDArray convValid(NDArray x, Conv c) {
    return Conv2d.conv2d(x, c.weight(), c.bias(), new Shape(1, 1), new Shape(0, 0), new Shape(1, 1)).head();
  }

  /** Separable convolution with TensorFlow's 'same' padding (the padding applies to the depthwise step). */
  public static NDArray separable(NDArray x, Separable s, int stride) {
    Padded p = Padded.same(x, 3, stride);
    int channels = (int) s.depthwise().getShape().get(0);
    NDArray depth = Conv2d.conv2d(p.in(), s.depthwise(), s.noBias(), new Shape(stride, stride), p.symmetric(),
        new Shape(1, 1), channels).head();
    return Conv2d.conv2d(depth, s.pointwise(), s.bias(), new Shape(1, 1), new Shape(0, 0), new Shape(1, 1)).head();
  }

  /** Max-pool with TensorFlow's 'same' padding: the padding never wins. */
  public static NDArray maxPool(NDArray x, int k, int stride) {
    int[] pad = samePadding(x, k, stride);
    if (pad[0] == 0 && pad[2] == 0 && ceilModeFits(x.getShape().get(2), k, stride)
        && ceilModeFits(x.getShape().get(3), k, stride)) {
      // padding only after: PyTorch's ceil mode lets the last window hang over the edge and ignores
      // what is outside, which is what -inf padding does, without the copy
      return Pool.maxPool2d(x, new Shape(k, k), new Shape(stride, stride), new Shape(0, 0), true);
    }
    NDArray in = x.pad(new Shape(pad[0], pad[1], pad[2], pad[3]), Float.NEGATIVE_INFINITY);
    return Pool.maxPool2d(in, new Shape(k, k), new Shape(stride, stride), new Shape(0, 0), false);
  }

  /** Whether PyTorch's ceil mode gives TensorFlow's 'same' output size, ceil(size / stride). */
  private static boolean ceilModeFits(long size, int k, int stride) {
    return size >= k && (size - k + stride - 1) / stride + 1 == (size + stride - 1) / stride;
  }

  /** TensorFlow's 'valid' average pool. */
  public static NDArray avgPool(NDArray x, int k, int stride) {
    return Pool.avgPool2d(x, new Shape(k, k), new Shape(stride, stride), new Shape(0, 0), false, false);
  }

  /** x [N, in] · weight [in, out] + bias. */
  public static NDArray dense(NDArray x, Dense d) {
    return x.matMul(d.weight()).add(d.bias());
  }

  /**
   * TensorFlow 'same' padding of an NCHW tensor for a k×k window at this stride, as {left, right,
   * top, bottom}: output size ceil(in / stride), total padding split with the extra pixel after.
   */
  public static int[] samePadding(NDArray x, int k, int stride) {
    return samePadding(x, k, k, stride);
  }

  /** {@link #samePadding(NDArray, int, int)} for a window of kh rows by kw columns. */
  public static int[] samePadding(NDArray x, int kh, int kw, int stride) {
    int h = (int) x.getShape().get(2);
    int w = (int) x.getShape().get(3);
    int th = Math.max(((h + stride - 1) / stride - 1) * stride + kh - h, 0);
    int tw = Math.max(((w + stride - 1) / stride - 1) * stride + kw - w, 0);
    return new int[] {tw / 2, tw - tw / 2, th / 2, th - th / 2};
  }

  /** Permutes a 4-d row-major array: output axis i is input axis {@code order[i]}. */
  public static float[] transpose(float[] v, int[] shape, int... order) {
    int[] outShape = new int[4];
    for (int i = 0; i < 4; i++) {
      outShape[i] = shape[order[i]];
    }
    int[] inStride = {shape[1] * shape[2] * shape[3], shape[2] * shape[3], shape[3], 1};
    float[] out = new float[v.length];
    int o = 0;
    for (int a = 0; a < outShape[0]; a++) {
      for (int b = 0; b < outShape[1]; b++) {
        for (int c = 0; c < outShape[2]; c++) {
          for (int d = 0; d < outShape[3]; d++) {
            out[o++] = v[a * inStride[order[0]] + b * inStride[order[1]] + c * inStride[order[2]] + d * inStride[order[3]]];
          }
        }
      }
    }
    return out;
  }
}
