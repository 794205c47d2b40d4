package mishmash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam for one network's trainable parameters, written out here rather than taken from DJL so
 * that its moments can be saved in a checkpoint and restored exactly (DJL's optimizers keep their
 * state private). After each update the gradients are zeroed.
 */
public final class Adam {
  private final float learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon = 1e-8f;
  private final List<Parameter> params = new ArrayList<>();
  private final List<NDArray> mean = new ArrayList<>();
  private final List<NDArray> variance = new ArrayList<>();
  private final NDManager manager;
  private long updates;

  public Adam(Block block, NDManager manager, float learningRate, float beta1, float beta2) {
    this.manager = manager;
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        params.add(p);
        mean.add(manager.zeros(p.getArray().getShape()));
        variance.add(manager.zeros(p.getArray().getShape()));
      }
    }
  }

  /** One update from the gradients now held by the parameters; temporaries go to {@code step}. */
  public void update(NDManager step) {
    updates++;
    float correction1 = 1 - (float) Math.pow(beta1, updates);
    float correction2 = 1 - (float) Math.pow(beta2, updates);
    float rate = learningRate * (float) Math.sqrt(correction2) / correction1;
    for (int i = 0; i < params.size(); i++) {
      NDArray w = params.get(i).getArray();
      NDArray g = gradient(w, step);
      NDArray m = mean.get(i);
      NDArray v = variance.get(i);
      m.muli(beta1).addi(g.mul(1 - beta1));
      v.muli(beta2).addi(g.square().muli(1 - beta2));
      // results of ops on the moments land in the optimizer's manager: move them to the step's
      NDArray denominator = v.sqrt();
      denominator.attach(step);
      NDArray change = m.div(denominator.addi(epsilon));
      change.attach(step);
      w.subi(change.muli(rate));
      g.subi(g);
    }
  }

  /**
   * The weight's gradient, owned by {@code step}: so is everything computed from it. (Left in the
   * parameter's manager, every op on it leaked a gradient-sized array per step.)
   */
  private static NDArray gradient(NDArray weight, NDManager step) {
    NDArray g = weight.getGradient();
    g.attach(step);
    return g;
  }

  /** Zeroes the gradients without updating, for a network that only passed gradients through. */
  static void zeroGradients(Block block, NDManager step) {
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        NDArray g = gradient(p.getArray(), step);
        g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f); // also where a gradient is NaN
      }
    }
  }

  /**
   * True when every gradient of the block is finite and at most {@code limit} in size. On this
   * CPU, about one backward pass in a few hundred through the projected critic returns garbage
   * (values near 10^33, then NaN) somewhere in PyTorch's CPU kernels; one such update ruins every
   * weight, so the trainer checks before it updates and skips that step's update instead.
   */
  static boolean sane(Block block, float limit, NDManager step) {
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        float v = gradient(p.getArray(), step).abs().max().getFloat();
        if (!(v <= limit)) {
          return false;
        }
      }
    }
    return true;
  }

  public void save(DataOutputStream out) throws IOException {
    out.writeLong(updates);
    out.writeInt(params.size());
    for (int i = 0; i < params.size(); i++) {
      out.write(mean.get(i).encode());
      out.write(variance.get(i).encode());
    }
  }

  public void load(DataInputStream in) throws IOException {
    long count = in.readLong();
    int n = in.readInt();
    if (n != params.size()) {
      throw new IOException("optimizer state for " + n + " parameters, but the network has " + params.size());
    }
    for (int i = 0; i < n; i++) {
      mean.set(i, replace(mean.get(i), manager.decode(in)));
      variance.set(i, replace(variance.get(i), manager.decode(in)));
    }
    updates = count;
  }

  private static NDArray replace(NDArray old, NDArray loaded) throws IOException {
    if (!old.getShape().equals(loaded.getShape())) {
      throw new IOException("optimizer state of shape " + loaded.getShape() + " for a parameter of shape " + old.getShape());
    }
    old.close();
    return loaded;
  }
}
