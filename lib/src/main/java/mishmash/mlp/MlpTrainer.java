package mishmash.mlp;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import mishmash.train.Adam;
import mishmash.train.Rng;

/**
 * Teaches an {@link Mlp} to give targets from inputs, a minibatch at a time, with Adam and a little
 * weight decay. A target may be missing for some rows (its mask is 0 there: a face's age for a
 * picture of a machine); outputs marked binary learn a probability (logistic loss), the others a
 * number (squared error on standardised targets). Its whole state — weights, the optimiser's
 * moments — can be saved and restored, so a training command can stop and resume exactly.
 */
public final class MlpTrainer {
  /** Rows of inputs and targets; {@code mask[i][k]} weighs target k of row i (null: every target counts fully). */
  public record Data(float[][] x, float[][] y, float[][] mask) {
    public Data {
      if (x.length != y.length || (mask != null && mask.length != x.length)) {
        throw new IllegalArgumentException(x.length + " inputs, " + y.length + " targets"
            + (mask == null ? "" : ", " + mask.length + " masks"));
      }
    }

    public int size() {
      return x.length;
    }

    float weight(int i, int k) {
      return mask == null ? 1 : mask[i][k];
    }
  }

  /** How to learn: Adam's rate, decoupled weight decay per step, rows per step. */
  public record Settings(float learningRate, float weightDecay, int batch) {
    public static final Settings DEFAULT = new Settings(1e-3f, 1e-4f, 128);
  }

  private final Mlp net;
  private final Data data;
  private final Settings settings;
  private final Adam adam;
  private final ParameterStore store;

  /**
   * Fits the network's standardisation to {@code data} and prepares the optimiser.
   */
  public MlpTrainer(Mlp net, Data data, Settings settings) {
    if (data.size() < 1) {
      throw new IllegalArgumentException("nothing to learn from: no rows");
    }
    this.net = net;
    this.data = data;
    this.settings = settings;
    standardisation(net, data);
    for (Pair<String, Parameter> p : net.block().getParameters()) {
      p.getValue().getArray().setRequiresGradient(true);
    }
    this.adam = new Adam(net.block(), net.manager().newSubManager(), settings.learningRate(), 0.9f, 0.999f);
    this.store = new ParameterStore(net.manager(), false);
  }

  private static void standardisation(Mlp net, Data d) {
    int in = net.layout().inputs();
    int out = net.layout().outputs();
    double[] sum = new double[in];
    double[] sq = new double[in];
    for (float[] row : d.x()) {
      for (int j = 0; j < in; j++) {
        sum[j] += row[j];
        sq[j] += (double) row[j] * row[j];
      }
    }
    int n = d.size();
    for (int j = 0; j < in; j++) {
      double mean = sum[j] / n;
      double var = Math.max(0, sq[j] / n - mean * mean);
      net.inMean[j] = (float) mean;
      net.inScale[j] = (float) (1 / Math.sqrt(var + 1e-6));
    }
    for (int k = 0; k < out; k++) {
      if (net.layout().binary()[k]) {
        net.outMean[k] = 0;
        net.outScale[k] = 1;
        continue;
      }
      double w = 0;
      double s = 0;
      double s2 = 0;
      for (int i = 0; i < n; i++) {
        double m = d.weight(i, k);
        w += m;
        s += m * d.y()[i][k];
        s2 += m * d.y()[i][k] * d.y()[i][k];
      }
      double mean = w > 0 ? s / w : 0;
      double var = w > 0 ? Math.max(0, s2 / w - mean * mean) : 1;
      net.outMean[k] = (float) mean;
      net.outScale[k] = (float) (1 / Math.sqrt(var + 1e-8));
    }
  }

  /** One step on a random minibatch; returns its loss (per target that counts). */
  public float step(Rng rng) {
    int b = Math.min(settings.batch(), data.size());
    int[] rows = new int[b];
    for (int i = 0; i < b; i++) {
      rows[i] = rng.nextInt(data.size());
    }
    try (NDManager step = net.manager().newSubManager()) {
      Batch batch = batch(step, data, rows);
      float loss;
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray l = loss(net.forward(store, batch.x, true), batch);
        collector.backward(l);
        loss = l.getFloat();
      }
      adam.update(step);
      float decay = 1 - settings.learningRate() * settings.weightDecay();
      for (Pair<String, Parameter> p : net.block().getParameters()) {
        if (p.getKey().endsWith("weight")) {
          p.getValue().getArray().muli(decay);
        }
      }
      return loss;
    }
  }

  /** The mean loss on {@code d} (held-out rows, say), without learning. */
  public double loss(Data d) {
    double total = 0;
    int n = 0;
    for (int from = 0; from < d.size(); from += 512) {
      int len = Math.min(512, d.size() - from);
      int[] rows = new int[len];
      for (int i = 0; i < len; i++) {
        rows[i] = from + i;
      }
      try (NDManager step = net.manager().newSubManager()) {
        Batch batch = batch(step, d, rows);
        total += loss(net.forward(store, batch.x, false), batch).getFloat() * len;
        n += len;
      }
    }
    return total / Math.max(1, n);
  }

  private record Batch(NDArray x, NDArray y, NDArray mask, NDArray binary) {}

  private Batch batch(NDManager m, Data d, int[] rows) {
    int in = net.layout().inputs();
    int out = net.layout().outputs();
    float[] x = new float[rows.length * in];
    float[] y = new float[rows.length * out];
    float[] mask = new float[rows.length * out];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      net.standardise(d.x()[r], x, i * in);
      for (int k = 0; k < out; k++) {
        float w = d.weight(r, k);
        mask[i * out + k] = w;
        y[i * out + k] = w == 0 ? 0 : net.layout().binary()[k] ? d.y()[r][k] : (d.y()[r][k] - net.outMean[k]) * net.outScale[k];
      }
    }
    float[] binary = new float[out];
    for (int k = 0; k < out; k++) {
      binary[k] = net.layout().binary()[k] ? 1 : 0;
    }
    return new Batch(m.create(x, new Shape(rows.length, in)), m.create(y, new Shape(rows.length, out)),
        m.create(mask, new Shape(rows.length, out)), m.create(binary, new Shape(1, out)));
  }

  /** Squared error for numbers, logistic loss for yes/no, weighted by the mask, per weight. */
  private static NDArray loss(NDArray pred, Batch b) {
    NDArray squared = pred.sub(b.y).square();
    // log(1 + e^p) - y p, written stably as max(p, 0) - y p + log(1 + e^-|p|)
    NDArray logistic = pred.maximum(0f).sub(pred.mul(b.y)).add(pred.abs().neg().exp().add(1f).log());
    NDArray per = squared.mul(b.binary.neg().add(1f)).add(logistic.mul(b.binary));
    return per.mul(b.mask).sum().div(b.mask.sum().maximum(1e-6f));
  }

  /** The network, the standardisation and the optimiser's state. */
  public void save(DataOutputStream out) throws IOException {
    net.write(out);
    adam.save(out);
  }

  /** Restores what {@link #save} wrote into this trainer's network (of the same layout) and optimiser. */
  public void load(DataInputStream in) throws IOException {
    try (Mlp saved = Mlp.read(in)) {
      if (!java.util.Arrays.equals(saved.layout().hidden(), net.layout().hidden())
          || saved.layout().inputs() != net.layout().inputs() || saved.layout().outputs() != net.layout().outputs()) {
        throw new IOException("the saved network has another layout");
      }
      var from = saved.block().getParameters();
      var to = net.block().getParameters();
      for (int i = 0; i < to.size(); i++) {
        to.get(i).getValue().getArray().set(from.get(i).getValue().getArray().toFloatArray());
      }
      net.inMean = saved.inMean;
      net.inScale = saved.inScale;
      net.outMean = saved.outMean;
      net.outScale = saved.outScale;
    }
    adam.load(in);
  }
}
