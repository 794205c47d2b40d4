package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Doubling a picture's size without the blocks and checkerboards of nearest-neighbour upsampling:
 * bilinear interpolation (pixel centres aligned, edges repeated), which at twice the size is
 * StyleGAN2's [1, 3, 3, 1] upsampling filter. One native operation of DJL's PyTorch engine, with
 * its backward pass.
 */
public final class Resample {
  private Resample() {}

  /** Bilinear mode of PyTorch's interpolate, as DJL's engine numbers its modes. */
  static final int BILINEAR = 2;

  /** [B, C, H, W] → [B, C, 2H, 2W]. */
  public static NDArray upsample(NDArray x) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    return JniUtils.interpolate((PtNDArray) x, new long[] {2 * h, 2 * w}, BILINEAR, false);
  }
}
