package mishmash.features;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import mishmash.model.Image;
import mishmash.model.Pixels;
import mishmash.model.Resize;
import mishmash.tfjs.KerasNet;

/**
 * What a picture looks like to Mishmash's inverter and attribute reader, in {@link #SIZE} numbers:
 * MobileNetV2's four taps ({@code models/mobilenet-v2}, ImageNet features) on the picture at
 * 128×128, each averaged over the whole picture, the third also over each cell of a 4×4 grid (an
 * eye, a mouth corner: where small parts are and how they are drawn) and the deepest over each
 * quarter (so a head turned left reads differently from one turned right), and the picture's own
 * colours averaged in a 4×4 grid. About 7 ms a picture in batches on one core.
 *
 * <p>The same numbers come out of {@link #of} (pictures in, rows of floats out) and {@link #forward}
 * (a DJL array in, gradients flowing back to it), so an optimisation can compare a generated
 * picture's features with a photo's. One instance may be used from several threads; calls take turns.
 */
public final class PictureFeatures implements AutoCloseable {
  /** The side pictures are scaled to: the default model's own. */
  public static final int SIDE = 128;
  /** Cells of the grids: the third tap's and the colours' (4×4), the deepest tap's (2×2). */
  static final int GRID = 4;
  static final int QUARTERS = 2;
  /** How many numbers describe a picture: 24 + 32 + 96 + 320, 16 × 96, 4 × 320, 3 × 16. */
  public static final int SIZE = 24 + 32 + 96 + 320 + GRID * GRID * 96 + QUARTERS * QUARTERS * 320 + 3 * GRID * GRID;

  private final FeatureNet net;
  private final NDManager manager;

  private PictureFeatures(FeatureNet net) {
    this.net = net;
    this.manager = Engine.getEngine("PyTorch").newBaseManager();
  }

  /** Loads MobileNetV2 from {@code models/mobilenet-v2}. */
  public static PictureFeatures load() {
    return new PictureFeatures(FeatureNet.load("mobilenet-v2", "taps"));
  }

  /** One row of {@link #SIZE} features per picture (any size; each is scaled to 128×128), in batches of 16. */
  public synchronized float[][] of(List<Image> pictures) {
    float[][] out = new float[pictures.size()][];
    int per = 3 * SIDE * SIDE;
    for (int from = 0; from < pictures.size(); from += 16) {
      int n = Math.min(16, pictures.size() - from);
      float[] planar = new float[n * per];
      for (int i = 0; i < n; i++) {
        System.arraycopy(Pixels.toPlanes(Resize.to(pictures.get(from + i), SIDE, SIDE), 0f, 1f), 0, planar, i * per, per);
      }
      try (NDManager step = manager.newSubManager()) {
        float[] flat = forward(step.create(planar, new Shape(n, 3, SIDE, SIDE))).toFloatArray();
        for (int i = 0; i < n; i++) {
          out[from + i] = java.util.Arrays.copyOfRange(flat, i * SIZE, (i + 1) * SIZE);
        }
      }
    }
    return out;
  }

  public float[] of(Image picture) {
    return of(List.of(picture))[0];
  }

  /**
   * Features of pictures {@code [B, 3, 128, 128]} with values in [0, 1] as {@code [B, SIZE]},
   * differentiable with respect to the pictures.
   */
  public synchronized NDArray forward(NDArray pictures) {
    Shape s = pictures.getShape();
    if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != SIDE || s.get(3) != SIDE) {
      throw new IllegalArgumentException("pictures must be [B, 3, " + SIDE + ", " + SIDE + "], not " + s);
    }
    NDList taps = net.forward(pictures);
    NDList parts = new NDList();
    for (NDArray t : taps) {
      parts.add(KerasNet.spatialMean(t));
    }
    parts.add(grid(taps.get(2), GRID));
    parts.add(grid(taps.get(3), QUARTERS));
    parts.add(grid(pictures, GRID));
    return NDArrays.concat(parts, 1);
  }

  /** Means over a k×k grid of cells: [B, C, H, W] → [B, C·k·k]. */
  static NDArray grid(NDArray maps, int k) {
    Shape s = maps.getShape();
    long b = s.get(0);
    long c = s.get(1);
    return maps.reshape(b, c, k, s.get(2) / k, k, s.get(3) / k).mean(new int[] {5}).mean(new int[] {3}).reshape(b, c * k * k);
  }

  @Override
  public synchronized void close() {
    manager.close();
    net.close();
  }
}
