package mishmash.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import mishmash.model.Image;
import mishmash.model.NativeTuning;
import mishmash.model.Pixels;
import mishmash.model.net.StyleNet;

/**
 * One GAN training step at a time: the critic's step, then the generator's, then the moving
 * average. Losses are the hinge loss; both networks learn with Adam (β1 = 0, β2 = 0.99).
 *
 * <p>DJL's Trainer is not used: it wants one Loss per model and zeroes only its own gradients,
 * while a GAN has two models that pass gradients through each other. Here the steps run in
 * sequence with one GradientCollector each (PyTorch allows one at a time), every temporary array
 * lives in a per-step manager that is closed at the end of the step, and all gradients are zeroed
 * after each update.
 */
final class GanTrainer implements AutoCloseable {

  /** How to train; the defaults are {@link #DEFAULT}. */
  record Settings(float learningRateG, float learningRateD, float beta1, float beta2,
                  double emaHalfLifeImages, double emaRampup, double styleMixing) {}

  /** Bytes the largest activation may take; see {@link #microBatch}. */
  static final long LARGEST_TENSOR = 24L << 20;

  static final Settings DEFAULT = new Settings(2e-4f, 2e-4f, 0f, 0.99f, 10_000, 0.05, 0.5);

  /** The losses of one step, and D's average score for the real and the generated pictures. */
  record Losses(float d, float g, float real, float fake) {
    boolean finite() {
      return Float.isFinite(d) && Float.isFinite(g);
    }
  }

  private final NDManager root;
  private ParameterStore store;
  private final StyleNet generator;
  private final StyleNet average;
  private final Critic critic;
  private final Adam adamG;
  private final Adam adamD;
  private final Ema ema;
  private final Settings settings;
  private final int batch;
  private final int micro;
  private final int size;
  private final int domains;
  private final ByteBuffer realBuffer;
  private long imagesSeen;

  /** Fresh networks from the engine's random initialisation (seed it first for repeatable runs). */
  GanTrainer(StyleNet.Config g, Critic.Config d, Settings settings, int batch) {
    if (g.imageSize() != d.imageSize()) {
      throw new IllegalArgumentException("generator draws " + g.imageSize() + " px but critic judges " + d.imageSize());
    }
    this.settings = settings;
    this.batch = batch;
    this.size = g.imageSize();
    this.domains = g.domains().size();
    NativeTuning.apply();
    this.root = Engine.getEngine("PyTorch").newBaseManager();
    // PyTorch's grad mode is per thread (on only where the engine was loaded); only collectors may record graphs
    JniUtils.setGradMode(false);
    this.generator = new StyleNet(g);
    this.average = new StyleNet(g);
    this.critic = new Critic(d);
    generator.initialize(root.newSubManager());
    average.initialize(root.newSubManager());
    average.freezeParameters(true);
    critic.initialize(root.newSubManager());
    this.store = new ParameterStore(root, false);
    this.adamG = new Adam(generator, root.newSubManager(), settings.learningRateG(), settings.beta1(), settings.beta2());
    this.adamD = new Adam(critic, root.newSubManager(), settings.learningRateD(), settings.beta1(), settings.beta2());
    this.ema = new Ema(generator, average, settings.emaHalfLifeImages(), settings.emaRampup());
    try (NDManager step = root.newSubManager()) {
      ema.reset(step);
    }
    this.micro = microBatch(batch, g, d);
    this.realBuffer = ByteBuffer.allocateDirect(micro * 3 * size * size * Float.BYTES).order(ByteOrder.nativeOrder());
  }

  StyleNet average() {
    return average;
  }

  long imagesSeen() {
    return imagesSeen;
  }

  long generatorParameters() {
    return trainable(generator);
  }

  long criticParameters() {
    return trainable(critic);
  }

  private static long trainable(Block block) {
    long n = 0;
    for (Parameter p : block.getParameters().values()) {
      n += p.requiresGradient() ? p.getArray().size() : 0;
    }
    return n;
  }

  /**
   * One critic step and one generator step on a batch of real pictures (planar RGB in [-1, 1])
   * and their domains; the generated pictures get the same domains. The batch goes through in
   * micro-batches whose gradients add up, so every update is that of the whole batch.
   */
  Losses step(float[] realPixels, int[] labels, Rng rng) {
    int parts = batch / micro;
    float share = 1f / parts;
    float dLoss = 0;
    float gLoss = 0;
    float realScore = 0;
    float fakeScore = 0;
    try (NDManager step = root.newSubManager()) {
      // critic: the fakes are drawn before the collector opens, so no graph is kept for G
      for (int p = 0; p < parts; p++) {
        try (NDManager part = step.newSubManager()) {
          NDArray mix = oneHot(part, labels, p * micro);
          NDArray real = feed(part, realPixels, p);
          NDArray fake = generate(part, mix, rng);
          try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray both = DiffAugment.apply(real, rng).concat(DiffAugment.apply(fake, rng), 0);
            NDArray maps = domainMaps(mix);
            NDArray scores = judge(both, maps.concat(maps, 0));
            NDArray onReal = scores.get("0:" + micro);
            NDArray onFake = scores.get(micro + ":");
            NDArray loss = onReal.neg().add(1).maximum(0).mean().add(onFake.add(1).maximum(0).mean());
            collector.backward(loss.mul(share));
            dLoss += loss.getFloat() * share;
            realScore += onReal.mean().getFloat() * share;
            fakeScore += onFake.mean().getFloat() * share;
          }
        }
      }
      adamD.update(step);

      // generator: gradients flow through the critic, whose own gradients are then thrown away
      for (int p = 0; p < parts; p++) {
        try (NDManager part = step.newSubManager();
            GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
          NDArray mix = oneHot(part, labels, p * micro);
          NDArray scores = judge(DiffAugment.apply(generate(part, mix, rng), rng), domainMaps(mix));
          NDArray loss = scores.mean().neg();
          collector.backward(loss.mul(share));
          gLoss += loss.getFloat() * share;
        }
      }
      adamG.update(step);
      Adam.zeroGradients(critic, step);

      imagesSeen += batch;
      ema.update(batch, imagesSeen, step);
    }
    return new Losses(dLoss, gLoss, realScore, fakeScore);
  }

  /**
   * The largest micro-batch (a divisor of the batch) whose biggest activation stays under
   * {@link #LARGEST_TENSOR}: glibc hands blocks of 32 MB and more straight back to the system
   * when they are freed, so every such tensor page-faults afresh, and on a small VM that made
   * 128×128 steps several times slower.
   */
  static int microBatch(int batch, StyleNet.Config g, Critic.Config d) {
    int[] channels = g.channels();
    long side = g.imageSize();
    // G's last stage takes the stage before's channels at full size; D sees reals and fakes at half size
    long generator = channels[Math.max(0, channels.length - 2)] * side * side;
    long critic = 2L * Math.max(Critic.STEM_CHANNELS, d.widths()[0]) * (side / 2) * (side / 2);
    long perPicture = Math.max(generator, critic) * Float.BYTES;
    for (int m = batch; m > 1; m--) {
      if (batch % m == 0 && m * perPicture <= LARGEST_TENSOR) {
        return m;
      }
    }
    return 1;
  }

  private NDArray feed(NDManager part, float[] pixels, int index) {
    int n = micro * 3 * size * size;
    realBuffer.clear();
    realBuffer.asFloatBuffer().put(pixels, index * n, n);
    return part.create(realBuffer, new Shape(micro, 3, size, size), DataType.FLOAT32);
  }

  private NDArray domainMaps(NDArray mix) {
    return mix.reshape(mix.getShape().get(0), mix.getShape().get(1), 1, 1);
  }

  /** One-hot domains [micro, K] for the micro-batch starting at {@code from}. */
  private NDArray oneHot(NDManager part, int[] labels, int from) {
    int k = Math.max(domains, 1);
    float[] v = new float[micro * k];
    for (int i = 0; i < micro; i++) {
      v[i * k + (domains > 0 ? labels[from + i] : 0)] = 1;
    }
    return part.create(v, new Shape(micro, k));
  }

  private NDArray judge(NDArray pictures, NDArray domainMaps) {
    NDList in = domains > 0 ? new NDList(pictures, domainMaps) : new NDList(pictures);
    return critic.forward(store, in, true).head();
  }

  /**
   * Training-time pictures from G. With probability {@code styleMixing} the batch takes its first
   * layers' styles from one latent and the rest from another, so that no layer relies on its
   * neighbours' style: that is what makes style mixing work later.
   */
  private NDArray generate(NDManager step, NDArray mix, Rng rng) {
    int layers = generator.config().styleLayers();
    NDArray ws = mapping(step, mix, rng).expandDims(1).repeat(1, layers);
    if (rng.nextDouble() < settings.styleMixing()) {
      int cut = 1 + rng.nextInt(layers - 1);
      NDArray other = mapping(step, mix, rng).expandDims(1).repeat(1, layers - cut);
      ws = ws.get(":, 0:" + cut).concat(other, 1);
    }
    return generator.synthesis().forward(store, new NDList(ws), true).head();
  }

  private NDArray mapping(NDManager step, NDArray mix, Rng rng) {
    int latent = generator.config().latentSize();
    int n = (int) mix.getShape().get(0);
    float[] z = new float[n * latent];
    for (int i = 0; i < z.length; i++) {
      z[i] = rng.nextGaussian();
    }
    NDArray zs = step.create(z, new Shape(n, latent));
    NDList in = domains > 0 ? new NDList(zs, mix) : new NDList(zs);
    return generator.mapping().forward(store, in, true).head();
  }

  /**
   * Pictures from the moving-average generator for latents {@code z} and domain mixtures
   * {@code mixes} (one row per picture, ignored without domains), truncation ψ = 1.
   */
  Image[] render(float[][] z, float[][] mixes) {
    int n = z.length;
    int latent = average.config().latentSize();
    float[] flatZ = new float[n * latent];
    int k = Math.max(domains, 1);
    float[] flatMix = new float[n * k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(z[i], 0, flatZ, i * latent, latent);
      if (domains > 0) {
        System.arraycopy(mixes[i], 0, flatMix, i * k, k);
      }
    }
    try (NDManager step = root.newSubManager()) {
      NDArray zs = step.create(flatZ, new Shape(n, latent));
      NDList in = domains > 0 ? new NDList(zs, step.create(flatMix, new Shape(n, k))) : new NDList(zs);
      NDArray pictures = average.forward(store, in, false).head();
      return Pixels.toImages(pictures.toFloatArray(), n, size, size, -1f, 1f);
    }
  }

  /** Every network's weights and both optimizers' moments. */
  void save(DataOutputStream out) throws IOException {
    out.writeLong(imagesSeen);
    generator.saveParameters(out);
    average.saveParameters(out);
    critic.saveParameters(out);
    adamG.save(out);
    adamD.save(out);
  }

  /** The counterpart of {@link #save}, into networks of the same architecture. */
  void load(DataInputStream in) throws IOException {
    imagesSeen = in.readLong();
    try {
      loadInto(generator, in);
      loadInto(average, in);
      loadInto(critic, in);
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException(e.getMessage(), e);
    }
    adamG.load(in);
    adamD.load(in);
    store = new ParameterStore(root, false); // the old store still holds the replaced arrays
  }

  private void loadInto(Block block, DataInputStream in) throws IOException, ai.djl.MalformedModelException {
    NDManager manager = root.newSubManager();
    block.loadParameters(manager, in);
    for (Parameter p : block.getParameters().values()) {
      // loaded arrays come without gradients; the store must see the new arrays
      p.getArray().setRequiresGradient(p.requiresGradient());
    }
  }

  @Override
  public void close() {
    root.close();
  }
}
