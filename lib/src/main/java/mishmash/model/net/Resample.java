package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Doubling a picture's size without the blocks and checkerboards of nearest-neighbour upsampling:
 * bilinear interpolation (pixel centres aligned, edges repeated), which at twice the size is
 * StyleGAN2's [1, 3, 3, 1] upsampling filter. One native operation of DJL's PyTorch engine, with
 * its backward pass. (Halving goes through the same operation, with its antialiasing.)
 */
public final class Resample {
  private Resample() {}

  /** Bilinear mode of PyTorch's interpolate, as DJL's engine numbers its modes. */
  public static final int BILINEAR = 2;

  /**
   * [B, C, H, W] → [B, C, H/2, W/2], low-pass filtered first: PyTorch's antialiased bilinear
   * downsampling, which at half the size is StyleGAN2's [1, 3, 3, 1] filter with stride 2. A critic
   * that downsamples so feeds no aliasing (checkerboards, diagonal streaks) back to the generator.
   */
  public static NDArray downsample(NDArray x) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    return JniUtils.interpolate((PtNDArray) x, new long[] {h / 2, w / 2}, BILINEAR, false);
  }

  /** [B, C, H, W] → [B, C, 2H, 2W]. */
  public static NDArray upsample(NDArray x) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    return JniUtils.interpolate((PtNDArray) x, new long[] {2 * h, 2 * w}, BILINEAR, false);
  }
}
