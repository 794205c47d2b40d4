package mishmash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * An exponential moving average of the generator's weights. G's own weights jitter from step to
 * step as it chases D; their average draws cleaner, steadier pictures, so it is the copy used for
 * sample sheets and saved as the model.
 */
final class Ema {
  private final Block source;
  private final Block average;
  private final double halfLifeImages;
  private final double rampup;

  /**
   * @param halfLifeImages after this many training images an old weight counts half
   * @param rampup early on the half-life is at most this fraction of the images seen, so the
   *     average is not stuck with the random start
   */
  Ema(Block source, Block average, double halfLifeImages, double rampup) {
    this.source = source;
    this.average = average;
    this.halfLifeImages = halfLifeImages;
    this.rampup = rampup;
    if (source.getParameters().size() != average.getParameters().size()) {
      throw new IllegalArgumentException("the average must have the same architecture as the network");
    }
  }

  /** Makes the average equal to the network. */
  void reset(NDManager step) {
    blend(0f, step);
  }

  /** Moves the average toward the network after a step of {@code batch} images, {@code seen} in all. */
  void update(int batch, long seen, NDManager step) {
    double halfLife = Math.max(1e-8, Math.min(halfLifeImages, seen * rampup));
    blend((float) Math.pow(0.5, batch / halfLife), step);
  }

  private void blend(float keep, NDManager step) {
    List<Parameter> from = source.getParameters().values();
    List<Parameter> to = average.getParameters().values();
    for (int i = 0; i < from.size(); i++) {
      NDArray p = from.get(i).getArray();
      NDArray e = to.get(i).getArray();
      NDArray share = p.mul(1 - keep);
      share.attach(step); // a result of an op on a parameter lands in the parameter's manager
      e.muli(keep).addi(share);
    }
  }
}
