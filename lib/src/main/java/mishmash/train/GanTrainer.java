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

  /**
   * How to train; the defaults are {@link #DEFAULT}.
   *
   * @param styleMixing the chance that a generated picture takes its first layers from one latent and
   *     the rest from another
   * @param bandMixing the chance that a generated picture takes its coarse, middle and fine layers from
   *     different domains (a hybrid by layers), judged by each band's critic heads as that band's domain
   */
  record Settings(float learningRateG, float learningRateD, float beta1, float beta2,
                  double emaHalfLifeImages, double emaRampup, double styleMixing, double bandMixing) {}

  /** Bytes the largest activation may take; see {@link #microBatch}. */
  static final long LARGEST_TENSOR = 24L << 20;

  static final Settings DEFAULT = new Settings(2e-4f, 2e-4f, 0f, 0.99f, 10_000, 0.05, 0.5, 0.5);

  /** Bands of the generator's layers that can come from different domains: coarse, middle, fine. */
  static final int BANDS = mishmash.latent.Bands.COUNT;

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
  private final Judge critic;
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
  /** Updates skipped because a gradient came back broken (see {@link Adam#sane}). */
  private long skipped;
  /** Larger gradients than this are garbage: real ones here stay below 10. */
  static final float GRADIENT_LIMIT = 1e4f;

  /** Fresh networks from the engine's random initialisation (seed it first for repeatable runs). */
  GanTrainer(StyleNet.Config g, Judge.Config d, Settings settings, int batch) {
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
    this.critic = Judge.of(d);
    generator.initialize(root.newSubManager());
    average.initialize(root.newSubManager());
    average.freezeParameters(true);
    critic.initialize(root.newSubManager());
    this.store = new ParameterStore(root, false);
    this.adamG = new Adam(generator, root.newSubManager(), settings.learningRateG(), settings.beta1(), settings.beta2());
    this.adamD = new Adam(critic.block(), root.newSubManager(), settings.learningRateD(), settings.beta1(),
        settings.beta2());
    this.ema = new Ema(generator, average, settings.emaHalfLifeImages(), settings.emaRampup());
    try (NDManager step = root.newSubManager()) {
      ema.reset(step);
    }
    this.micro = microBatch(batch, g, d.largestPerPicture());
    this.realBuffer = ByteBuffer.allocateDirect(micro * 3 * size * size * Float.BYTES).order(ByteOrder.nativeOrder());
  }

  StyleNet average() {
    return average;
  }

  long imagesSeen() {
    return imagesSeen;
  }

  /** Updates skipped so far in this run because a gradient came back broken. */
  long skippedUpdates() {
    return skipped;
  }

  long generatorParameters() {
    return trainable(generator);
  }

  long criticParameters() {
    return trainable(critic.block());
  }

  /** Lets the critic measure its features on real pictures (planar RGB in [-1, 1], a multiple of the micro-batch). */
  void calibrate(float[] realPixels, int count) {
    try (NDManager step = root.newSubManager()) {
      NDArray real = step.create(java.util.Arrays.copyOf(realPixels, count * 3 * size * size),
          new Shape(count, 3, size, size));
      critic.calibrate(real);
    }
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
   * and their domains. Each generated picture gets a real one's domain in every band or, with
   * chance {@link Settings#bandMixing}, a domain of its own per band. The batch goes through in
   * micro-batches whose gradients add up, so every update is that of the whole batch.
   */
  Losses step(float[] realPixels, int[] labels, Rng rng) {
    int parts = batch / micro;
    float share = 1f / parts;
    float dLoss = 0;
    float gLoss = 0;
    float realScore = 0;
    float fakeScore = 0;
    int[][] bands = fakeBands(labels, rng);
    int[][] reals = realBands(labels);
    try (NDManager step = root.newSubManager()) {
      // The fakes, and what the critic sees of them, are drawn once, recording G's graph (and the
      // frozen network's). The critic learns from a detached copy; the generator then
      // back-propagates through the kept graph, after the critic's update.
      NDManager[] managers = new NDManager[parts];
      NDList[] fakesSeen = new NDList[parts];
      long t0 = System.nanoTime();
      for (int p = 0; p < parts; p++) {
        managers[p] = step.newSubManager();
        try (GradientCollector recording = Engine.getEngine("PyTorch").newGradientCollector()) {
          NDArray fake = generate(managers[p], bands, p * micro, rng);
          if (PROFILE) {
            fake.getFloat(0, 0, 0, 0);
            times[0] += System.nanoTime() - t0;
            t0 = System.nanoTime();
          }
          fakesSeen[p] = critic.see(DiffAugment.apply(fake, rng, critic.recolours()));
          if (PROFILE) {
            fakesSeen[p].get(0).getFloat(0, 0, 0, 0);
            times[1] += System.nanoTime() - t0;
            t0 = System.nanoTime();
          }
        }
      }
      for (int p = 0; p < parts; p++) {
        try (NDManager part = step.newSubManager()) {
          int from = p * micro;
          NDList realSeen = critic.see(DiffAugment.apply(feed(part, realPixels, p), rng, critic.recolours()));
          NDList fakeSeen = new NDList(realSeen.size());
          for (NDArray f : fakesSeen[p]) {
            fakeSeen.add(f.stopGradient());
          }
          try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            // reals and fakes are judged in separate calls: heads that normalise over the batch see one kind at a time
            NDList onReal = critic.scores(store, realSeen, bandDomains(part, reals, from), true);
            NDList onFake = critic.scores(store, fakeSeen, bandDomains(part, bands, from), true);
            NDArray loss = null;
            float realSum = 0;
            float fakeSum = 0;
            float[] weights = critic.weights(onReal.size());
            for (int g = 0; g < onReal.size(); g++) {
              NDArray l = onReal.get(g).neg().add(1).maximum(0).mean().add(onFake.get(g).add(1).maximum(0).mean());
              l = l.mul(weights[g]);
              loss = loss == null ? l : loss.add(l);
              realSum += onReal.get(g).mean().getFloat() * weights[g];
              fakeSum += onFake.get(g).mean().getFloat() * weights[g];
            }
            collector.backward(loss.mul(share));
            dLoss += loss.getFloat() * share;
            realScore += realSum * share;
            fakeScore += fakeSum * share;
          }
        }
      }
      if (PROFILE) {
        times[2] += System.nanoTime() - t0;
        t0 = System.nanoTime();
      }
      if (Adam.sane(critic.block(), GRADIENT_LIMIT, step)) {
        adamD.update(step);
      } else {
        Adam.zeroGradients(critic.block(), step);
        skipped++;
      }

      // generator: gradients flow through the critic, whose own gradients are then thrown away
      for (int p = 0; p < parts; p++) {
        try (NDManager part = managers[p];
            GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
          NDList groups = critic.scores(store, fakesSeen[p], bandDomains(part, bands, p * micro), true);
          NDArray loss = null;
          float[] weights = critic.weights(groups.size());
          for (int g = 0; g < groups.size(); g++) {
            NDArray l = groups.get(g).mean().mul(-weights[g]);
            loss = loss == null ? l : loss.add(l);
          }
          collector.backward(loss.mul(share));
          gLoss += loss.getFloat() * share;
        }
      }
      if (PROFILE) {
        times[3] += System.nanoTime() - t0;
        t0 = System.nanoTime();
      }
      if (Adam.sane(generator, GRADIENT_LIMIT, step)) {
        adamG.update(step);
      } else {
        Adam.zeroGradients(generator, step);
        skipped++;
      }
      Adam.zeroGradients(critic.block(), step);

      imagesSeen += batch;
      ema.update(batch, imagesSeen, step);
      if (PROFILE) {
        times[4] += System.nanoTime() - t0;
        if (++profiled % 5 == 0) {
          System.err.printf("%nprofile ms/step: generate %.0f, critic sees fakes %.0f, critic step %.0f, generator step %.0f,"
              + " updates %.0f%n", times[0] / 5e6, times[1] / 5e6, times[2] / 5e6, times[3] / 5e6, times[4] / 5e6);
          java.util.Arrays.fill(times, 0);
        }
      }
    }
    return new Losses(dLoss, gLoss, realScore, fakeScore);
  }

  static final boolean PROFILE = Boolean.getBoolean("mishmash.profile");
  private final long[] times = new long[5];
  private int profiled;

  /** Each real picture's domain in every band. */
  private static int[][] realBands(int[] labels) {
    int[][] b = new int[labels.length][BANDS];
    for (int i = 0; i < labels.length; i++) {
      java.util.Arrays.fill(b[i], labels[i]);
    }
    return b;
  }

  /** The generated pictures' domains per band: a real one's, or with chance bandMixing, not all the same. */
  private int[][] fakeBands(int[] labels, Rng rng) {
    int[][] b = realBands(labels);
    if (domains < 2) {
      return b;
    }
    for (int[] row : b) {
      if (rng.nextDouble() < settings.bandMixing()) {
        do {
          for (int k = 0; k < BANDS; k++) {
            row[k] = rng.nextInt(domains);
          }
        } while (row[0] == row[1] && row[1] == row[2]);
      }
    }
    return b;
  }

  /** One-hot domains per band [micro, K] for the critic, of the micro-batch from {@code from}; null without domains. */
  private NDArray[] bandDomains(NDManager part, int[][] bands, int from) {
    if (domains == 0) {
      return null;
    }
    NDArray[] out = new NDArray[BANDS];
    for (int band = 0; band < BANDS; band++) {
      float[] v = new float[micro * domains];
      for (int i = 0; i < micro; i++) {
        v[i * domains + bands[from + i][band]] = 1;
      }
      out[band] = part.create(v, new Shape(micro, domains));
    }
    return out;
  }

  /**
   * The largest micro-batch (a divisor of the batch) whose biggest activation stays under
   * {@link #LARGEST_TENSOR}: glibc hands blocks of 32 MB and more straight back to the system
   * when they are freed, so every such tensor page-faults afresh, and on a small VM that made
   * 128×128 steps several times slower.
   */
  static int microBatch(int batch, StyleNet.Config g, long criticFloats) {
    int[] channels = g.channels();
    long side = g.imageSize();
    // G's last stage takes the stage before's channels at full size; D sees reals and fakes together
    long generator = channels[Math.max(0, channels.length - 2)] * side * side;
    long perPicture = Math.max(generator, 2 * criticFloats) * Float.BYTES;
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

  /**
   * Training-time pictures from G for the micro-batch starting at {@code from}, each layer with its
   * band's domain. With chance {@code styleMixing} a picture takes its first layers' latent from one
   * z and the rest from another, so that no layer relies on its neighbours' style: that is what makes
   * style mixing and breeding by layers work later.
   */
  private NDArray generate(NDManager step, int[][] bands, int from, Rng rng) {
    int layers = generator.config().styleLayers();
    int latent = generator.config().latentSize();
    int k = Math.max(domains, 1);
    float[] z = new float[micro * layers * latent];
    float[] mix = new float[micro * layers * k];
    float[] a = new float[latent];
    float[] b = new float[latent];
    for (int i = 0; i < micro; i++) {
      for (int j = 0; j < latent; j++) {
        a[j] = rng.nextGaussian();
      }
      int cut = layers;
      if (rng.nextDouble() < settings.styleMixing()) {
        cut = 1 + rng.nextInt(layers - 1);
        for (int j = 0; j < latent; j++) {
          b[j] = rng.nextGaussian();
        }
      }
      for (int l = 0; l < layers; l++) {
        int row = i * layers + l;
        System.arraycopy(l < cut ? a : b, 0, z, row * latent, latent);
        mix[row * k + (domains > 0 ? bands[from + i][band(l, layers)] : 0)] = 1;
      }
    }
    NDArray zs = step.create(z, new Shape(micro * layers, latent));
    NDList in = domains > 0 ? new NDList(zs, step.create(mix, new Shape(micro * layers, k))) : new NDList(zs);
    NDArray ws = generator.mapping().forward(store, in, true).head().reshape(micro, layers, -1);
    return generator.synthesis().forward(store, new NDList(ws), true).head();
  }

  /** The band (0 coarse, 1 middle, 2 fine) of style layer {@code layer} of {@code layers}. */
  static int band(int layer, int layers) {
    return mishmash.latent.Bands.of(layer, layers);
  }

  /**
   * Pictures from the moving-average generator for latents {@code z}, each with a domain per band
   * ({@code bands[i]}: coarse, middle, fine; ignored without domains), truncation ψ = 1, the fixed
   * noise of drawing.
   */
  Image[] render(float[][] z, int[][] bands) {
    int n = z.length;
    int layers = average.config().styleLayers();
    int latent = average.config().latentSize();
    int k = Math.max(domains, 1);
    float[] flatZ = new float[n * layers * latent];
    float[] flatMix = new float[n * layers * k];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < layers; l++) {
        int row = i * layers + l;
        System.arraycopy(z[i], 0, flatZ, row * latent, latent);
        flatMix[row * k + (domains > 0 ? bands[i][band(l, layers)] : 0)] = 1;
      }
    }
    try (NDManager step = root.newSubManager()) {
      NDArray zs = step.create(flatZ, new Shape(n * layers, latent));
      NDList in = domains > 0 ? new NDList(zs, step.create(flatMix, new Shape(n * layers, k))) : new NDList(zs);
      NDArray ws = average.mapping().forward(store, in, false).head().reshape(n, layers, -1);
      NDArray pictures = average.synthesis().forward(store, new NDList(ws), false).head();
      return Pixels.toImages(pictures.toFloatArray(), n, size, size, -1f, 1f);
    }
  }

  /** Every network's weights and both optimizers' moments. */
  void save(DataOutputStream out) throws IOException {
    out.writeLong(imagesSeen);
    generator.saveParameters(out);
    average.saveParameters(out);
    critic.block().saveParameters(out);
    critic.save(out);
    adamG.save(out);
    adamD.save(out);
  }

  /** The counterpart of {@link #save}, into networks of the same architecture. */
  void load(DataInputStream in) throws IOException {
    imagesSeen = in.readLong();
    try {
      loadInto(generator, in);
      loadInto(average, in);
      loadInto(critic.block(), in);
      critic.load(in);
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
    critic.free();
    root.close();
  }
}
