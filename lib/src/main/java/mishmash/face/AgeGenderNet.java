package mishmash.face;

import mishmash.tfjs.TfLayers;
import mishmash.tfjs.TfWeights;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import mishmash.tfjs.TfLayers.Conv;
import mishmash.tfjs.TfLayers.Dense;
import mishmash.tfjs.TfLayers.Separable;

/**
 * face-api.js's age and gender net: a small Xception on a 112×112 crop (normalised like
 * {@link FaceInput}). A 3×3 convolution at stride 2, two reduction blocks, two residual main blocks,
 * a last reduction block and a separable convolution to 512 channels; a 7×7 average pool, then one
 * linear layer for the age in years and one for the two gender logits (male, female).
 *
 * <p>A reduction block: two separable convolutions (ReLU before each), a 3×3 max-pool at stride 2,
 * plus a 1×1 convolution at stride 2 of the block's input. A main block: three ReLU + separable
 * convolutions added to the block's input.
 */
final class AgeGenderNet {
  private final Conv convIn;
  private final Reduction[] reductions = new Reduction[3];
  private final Separable[][] mains = new Separable[2][3];
  private final Separable exit;
  private final Dense age;
  private final Dense gender;

  private record Reduction(Separable first, Separable second, Conv expansion) {}

  AgeGenderNet(TfWeights w, NDManager m) {
    convIn = TfLayers.conv(w, m, "entry_flow/conv_in");
    String[] names = {"entry_flow/reduction_block_0", "entry_flow/reduction_block_1", "exit_flow/reduction_block"};
    for (int i = 0; i < 3; i++) {
      reductions[i] = new Reduction(TfLayers.separable(w, m, names[i] + "/separable_conv0"),
          TfLayers.separable(w, m, names[i] + "/separable_conv1"), TfLayers.conv(w, m, names[i] + "/expansion_conv"));
    }
    for (int b = 0; b < mains.length; b++) {
      for (int c = 0; c < 3; c++) {
        mains[b][c] = TfLayers.separable(w, m, "middle_flow/main_block_" + b + "/separable_conv" + c);
      }
    }
    exit = TfLayers.separable(w, m, "exit_flow/separable_conv");
    age = TfLayers.dense(w, m, "fc/age", 512, 1);
    gender = TfLayers.dense(w, m, "fc/gender", 512, 2);
  }

  /** Normalised crops [N, 3, 112, 112] → {age [N], gender probabilities [N, 2] (male, female)}. */
  NDList forward(NDArray x) {
    NDArray out = Activation.relu(TfLayers.conv(x, convIn, 2));
    out = reduction(out, reductions[0], false);
    out = reduction(out, reductions[1], true);
    for (Separable[] main : mains) {
      NDArray y = TfLayers.separable(Activation.relu(out), main[0], 1);
      y = TfLayers.separable(Activation.relu(y), main[1], 1);
      y = TfLayers.separable(Activation.relu(y), main[2], 1);
      out = y.add(out);
    }
    out = reduction(out, reductions[2], true);
    out = Activation.relu(TfLayers.separable(out, exit, 1));
    NDArray pooled = TfLayers.avgPool(out, 7, 2);
    pooled = pooled.reshape(pooled.getShape().get(0), -1);
    return new NDList(TfLayers.dense(pooled, age).reshape(-1), TfLayers.dense(pooled, gender).softmax(1));
  }

  private static NDArray reduction(NDArray x, Reduction r, boolean activateInput) {
    NDArray out = activateInput ? Activation.relu(x) : x;
    out = TfLayers.separable(out, r.first(), 1);
    out = TfLayers.separable(Activation.relu(out), r.second(), 1);
    out = TfLayers.maxPool(out, 3, 2);
    return out.add(TfLayers.conv(x, r.expansion(), 2));
  }
}
