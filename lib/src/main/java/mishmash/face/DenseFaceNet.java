package mishmash.face;

import mishmash.tfjs.TfLayers;
import mishmash.tfjs.TfWeights;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import mishmash.tfjs.TfLayers.Conv;
import mishmash.tfjs.TfLayers.Dense;
import mishmash.tfjs.TfLayers.Separable;

/**
 * face-api.js's FaceFeatureExtractor with a fully connected head: the network behind both the
 * 68-point landmark net (136 outputs: x, y of each point, relative to the padded square crop) and
 * the expression net (7 logits).
 *
 * <p>Four dense blocks on a 112×112 crop (normalised like {@link FaceInput}); each halves the size
 * with its first convolution (a plain 3×3 in the first block, separable in the others) and adds
 * three separable convolutions whose inputs are the ReLU of the sum of all earlier outputs in the
 * block. Channels 32, 64, 128, 256; a 7×7 average pool leaves 256 features.
 */
final class DenseFaceNet {
  private final Conv first;
  private final Separable[][] blocks = new Separable[4][];
  private final Dense fc;
  private final int outputs;

  DenseFaceNet(TfWeights w, NDManager m, int outputs) {
    this.outputs = outputs;
    first = TfLayers.conv(w, m, "dense0/conv0");
    for (int b = 0; b < 4; b++) {
      blocks[b] = new Separable[4];
      for (int c = b == 0 ? 1 : 0; c < 4; c++) {
        blocks[b][c] = TfLayers.separable(w, m, "dense" + b + "/conv" + c);
      }
    }
    fc = TfLayers.dense(w, m, "fc", 256, outputs);
  }

  int outputs() {
    return outputs;
  }

  /** Normalised crops [N, 3, 112, 112] → the head's raw output [N, outputs]. */
  NDArray forward(NDArray x) {
    NDArray out = x;
    for (int b = 0; b < 4; b++) {
      out = block(out, b);
    }
    NDArray pooled = TfLayers.avgPool(out, 7, 2);
    return TfLayers.dense(pooled.reshape(pooled.getShape().get(0), -1), fc);
  }

  private NDArray block(NDArray x, int b) {
    Separable[] s = blocks[b];
    NDArray out1 = Activation.relu(b == 0 ? TfLayers.conv(x, first, 2) : TfLayers.separable(x, s[0], 2));
    NDArray out2 = TfLayers.separable(out1, s[1], 1);
    NDArray sum = out1.add(out2);
    NDArray out3 = TfLayers.separable(Activation.relu(sum), s[2], 1);
    sum = sum.add(out3);
    NDArray out4 = TfLayers.separable(Activation.relu(sum), s[3], 1);
    return Activation.relu(sum.add(out4));
  }
}
