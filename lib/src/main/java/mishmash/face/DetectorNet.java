package mishmash.face;

import mishmash.tfjs.TfLayers;
import mishmash.tfjs.TfWeights;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import mishmash.tfjs.TfLayers.Conv;
import mishmash.tfjs.TfLayers.Separable;

/**
 * face-api.js's Tiny Face Detector: a Tiny-YOLOv2 with separable convolutions. An {@code s×s}
 * image (s a multiple of 32; 416 by default) becomes an {@code s/32 × s/32} grid; each cell holds
 * five anchor boxes of five numbers (x, y, w, h, objectness), so the output is [N, 25, s/32, s/32].
 *
 * <p>Layers: a 3×3 convolution without padding, then five separable convolutions; after each but
 * the last a 2×2 max-pool at stride 2 halves the size, after the last a 2×2 max-pool at stride 1
 * keeps it; a 1×1 convolution reads out the boxes. Leaky ReLU (slope 0.1) after each but the last.
 * Input pixels are {@code (value − mean RGB) / 255} with the mean from {@link #MEAN_RGB}.
 */
final class DetectorNet {
  /** Mean of each colour channel that the detector subtracts, 0..255. */
  static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};
  /** Anchor box sizes in grid cells (width, height). */
  static final float[][] ANCHORS = {
    {1.603231f, 2.094468f}, {6.041143f, 7.080126f}, {2.882459f, 3.518061f}, {4.266906f, 5.178857f}, {9.041765f, 10.66308f},
  };

  private final Conv conv0;
  private final Separable[] separable = new Separable[5];
  private final Conv conv8;

  DetectorNet(TfWeights w, NDManager m) {
    conv0 = TfLayers.conv(w, m, "conv0");
    for (int i = 0; i < separable.length; i++) {
      separable[i] = TfLayers.separable(w, m, "conv" + (i + 1));
    }
    conv8 = TfLayers.conv(w, m, "conv8");
    if (conv8.weight().getShape().get(0) != ANCHORS.length * 5) {
      w.get("conv8/filters", 1, 1, -1, ANCHORS.length * 5);
    }
  }

  /** Normalised image [N, 3, s, s] → box encodings [N, 25, s/32, s/32]. */
  NDArray forward(NDArray x) {
    // leaky ReLU is increasing, so it commutes with max-pooling: applied after the pool it touches
    // a quarter of the values and gives the same numbers
    NDArray out = leaky(TfLayers.maxPool(TfLayers.convValid(x, conv0), 2, 2));
    for (int i = 0; i < separable.length; i++) {
      out = TfLayers.separable(out, separable[i], 1);
      out = leaky(TfLayers.maxPool(out, 2, i < separable.length - 1 ? 2 : 1));
    }
    return TfLayers.convValid(out, conv8);
  }

  private static NDArray leaky(NDArray x) {
    return Activation.leakyRelu(x, 0.1f);
  }
}
