package mishmash.model;

import java.nio.file.Path;
import java.util.Random;

/**
 * What every engine's generator shares: input checks, batching, the mean w for truncation, style
 * shapes, and turning network output into pictures. A subclass runs the networks.
 */
abstract class NetworkGenerator implements Generator {
  /** Latents sampled to estimate the average creature's w, from a fixed seed. */
  static final int MEAN_SAMPLES = 4096;
  /** Largest batch handed to the engine at once, to bound native memory. */
  static final int MAX_BATCH = 32;

  protected final Manifest manifest;
  private int layers;
  private int dim;
  /** The average w: of the even blend of domains, where the model has domains. */
  private float[] meanW;
  /** Other blends of domains asked for with ψ ≠ 1 (each pure domain, say), and their average w. */
  private final java.util.Map<java.util.List<Float>, float[]> blendMeanW = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<java.util.List<Float>, float[]> eldest) {
      return size() > 16;
    }
  };

  NetworkGenerator(Manifest manifest) {
    this.manifest = manifest;
  }

  /** Runs the mapping network: z [n, latent] → w as [n, dim] or [n, layers, dim]. */
  protected abstract Output runMapping(float[] z, int n);

  /** The mapping network for a blend of domains (weights summing to 1); only models with domains override it. */
  protected Output runMapping(float[] z, float[] mix, int n) {
    return runMapping(z, n);
  }

  /** Runs the synthesis network (or the single z→image module): styles → [n, 3, h, w]. */
  protected abstract Output runSynthesis(float[] styles, int n, int layers, int dim);

  /** The file to blame when the network fails on a well-formed input. */
  protected abstract Path weightsFile();

  /** A tensor's values and shape, copied out of native memory. */
  protected record Output(float[] data, long[] shape) {}

  /** Checks the networks against the manifest with one probe, and finds the mean w. */
  protected final void probe() {
    float[][] z = {new float[manifest.latentSize()]};
    if (hasMapping()) {
      Output w;
      try {
        w = runMapping(z[0], evenMix(), 1);
      } catch (RuntimeException e) {
        throw latentMismatch(e);
      }
      if (w.shape.length == 3) {
        layers = (int) w.shape[1];
        dim = (int) w.shape[2];
        if (manifest.styleLayers() > 0 && manifest.styleLayers() != layers) {
          throw new ModelException(manifest.folder().resolve(Manifest.FILE_NAME), "says style_layers "
              + manifest.styleLayers() + " but the mapping network gives " + layers + ". Fix style_layers.");
        }
      } else if (w.shape.length == 2) {
        dim = (int) w.shape[1];
        layers = manifest.styleLayers();
        if (layers < 1) {
          throw new ModelException(manifest.folder().resolve(Manifest.FILE_NAME), "the mapping network gives "
              + "one w per image, so \"style_layers\" must say how many the synthesis network takes.");
        }
      } else {
        throw new ModelException(weightsFile(), "the mapping network gives a tensor of shape "
            + java.util.Arrays.toString(w.shape) + "; expected [batch, w] or [batch, layers, w].");
      }
      meanW = estimateMeanW(evenMix());
    } else {
      layers = 1;
      dim = manifest.latentSize();
    }
    Output image;
    try {
      image = synthesisOf(map(z, 1f));
    } catch (ModelException e) {
      throw e;
    } catch (RuntimeException e) {
      throw hasMapping() ? new ModelException(weightsFile(), "the synthesis network rejected the mapping "
          + "network's output (" + firstLine(e) + "). Check that both files come from the same model.", e)
          : latentMismatch(e);
    }
    long[] s = image.shape;
    if (s.length != 4 || s[1] != 3 || s[2] != manifest.height() || s[3] != manifest.width()) {
      throw new ModelException(weightsFile(), "produces tensors of shape " + java.util.Arrays.toString(s)
          + " but model.json says RGB images of " + manifest.width() + "x" + manifest.height()
          + " (expected [batch, 3, " + manifest.height() + ", " + manifest.width() + "]). Fix image_size.");
    }
  }

  private ModelException latentMismatch(RuntimeException e) {
    return new ModelException(weightsFile(), "the network rejected a latent of " + manifest.latentSize()
        + " values (" + firstLine(e) + "). Does model.json's latent_size match the model's input size?", e);
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private float[] estimateMeanW(float[] mix) {
    Random random = new Random(0x5EED);
    int latent = manifest.latentSize();
    float[] sum = new float[layers * dim];
    for (int done = 0; done < MEAN_SAMPLES; done += MAX_BATCH * 4) {
      int n = Math.min(MAX_BATCH * 4, MEAN_SAMPLES - done);
      float[] z = new float[n * latent];
      for (int k = 0; k < z.length; k++) {
        z[k] = (float) random.nextGaussian();
      }
      float[] w = perLayer(runMapping(z, mix, n), n);
      for (int k = 0; k < w.length; k++) {
        sum[k % sum.length] += w[k];
      }
    }
    for (int k = 0; k < sum.length; k++) {
      sum[k] /= MEAN_SAMPLES;
    }
    return sum;
  }

  /** Mapping output as [n, layers, dim], repeating a single w across the layers. */
  private float[] perLayer(Output w, int n) {
    if (w.shape.length == 3) {
      return w.data;
    }
    float[] out = new float[n * layers * dim];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < layers; l++) {
        System.arraycopy(w.data, i * dim, out, (i * layers + l) * dim, dim);
      }
    }
    return out;
  }

  @Override
  public Manifest manifest() {
    return manifest;
  }

  @Override
  public int styleLayers() {
    return layers;
  }

  @Override
  public int styleSize() {
    return dim;
  }

  /** The average creature's styles: the point ψ = 0 truncates to. Zero for a plain model. */
  public Styles meanStyles() {
    return new Styles(1, layers, dim, meanW == null ? new float[layers * dim] : meanW.clone());
  }

  /** Equal parts of every domain, or null for a model without domains. */
  private float[] evenMix() {
    int k = domains().size();
    if (k == 0) {
      return null;
    }
    float[] mix = new float[k];
    java.util.Arrays.fill(mix, 1f / k);
    return mix;
  }

  /** With domains: an even blend of them all. */
  @Override
  public Styles map(float[][] z, float psi) {
    return mapBlend(z, evenMix(), psi);
  }

  @Override
  public Styles map(float[][] z, float[] mix, float psi) {
    int k = domains().size();
    if (mix.length != k) {
      throw new IllegalArgumentException("a domain mix for model \"" + manifest.name() + "\" has " + k
          + " weights " + (k == 0 ? "(it has no domains)" : "(one each for " + String.join(", ", domains()) + ")")
          + ", not " + mix.length);
    }
    if (k == 0) {
      return mapBlend(z, null, psi);
    }
    float sum = 0;
    for (float m : mix) {
      if (!(m >= 0) || Float.isInfinite(m)) {
        throw new IllegalArgumentException("domain mix weights must be finite and not negative, not " + m);
      }
      sum += m;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("a domain mix needs at least one weight above zero");
    }
    float[] normalised = new float[k];
    for (int i = 0; i < k; i++) {
      normalised[i] = mix[i] / sum;
    }
    return mapBlend(z, normalised, psi);
  }

  /** Each blend of domains has its own average creature, the point ψ truncates toward. */
  private float[] meanFor(float[] mix) {
    if (mix == null || java.util.Arrays.equals(mix, evenMix())) {
      return meanW;
    }
    java.util.List<Float> key = new java.util.ArrayList<>();
    for (float v : mix) {
      key.add(v);
    }
    return blendMeanW.computeIfAbsent(key, k -> estimateMeanW(mix));
  }

  private synchronized Styles mapBlend(float[][] z, float[] mix, float psi) {
    int latent = manifest.latentSize();
    float[] flat = new float[z.length * latent];
    for (int i = 0; i < z.length; i++) {
      if (z[i].length != latent) {
        throw new IllegalArgumentException("latent " + i + " has " + z[i].length + " values; model \""
            + manifest.name() + "\" takes " + latent);
      }
      System.arraycopy(z[i], 0, flat, i * latent, latent);
    }
    checkFinite(flat, "latent");
    if (!Float.isFinite(psi)) {
      throw new IllegalArgumentException("psi must be a finite number, not " + psi);
    }
    if (!hasMapping()) {
      for (int k = 0; k < flat.length; k++) {
        flat[k] *= psi;
      }
      return new Styles(z.length, 1, latent, flat);
    }
    float[] out = new float[z.length * layers * dim];
    for (int from = 0; from < z.length; from += MAX_BATCH) {
      int n = Math.min(MAX_BATCH, z.length - from);
      float[] part = java.util.Arrays.copyOfRange(flat, from * latent, (from + n) * latent);
      float[] w = perLayer(runMapping(part, mix, n), n);
      System.arraycopy(w, 0, out, from * layers * dim, w.length);
    }
    if (psi != 1f) {
      float[] average = meanFor(mix);
      for (int k = 0; k < out.length; k++) {
        float mean = average[k % average.length];
        out[k] = mean + psi * (out[k] - mean);
      }
    }
    return new Styles(z.length, layers, dim, out);
  }

  @Override
  public synchronized Image[] synthesize(Styles styles) {
    Output image = synthesisOf(styles);
    return Pixels.toImages(image.data, styles.count(), manifest.width(), manifest.height(),
        manifest.pixelMin(), manifest.pixelMax());
  }

  private Output synthesisOf(Styles styles) {
    if (styles.layers() != layers || styles.dim() != dim) {
      throw new IllegalArgumentException("styles of " + styles.layers() + "x" + styles.dim() + " do not fit model \""
          + manifest.name() + "\", which takes " + layers + "x" + dim);
    }
    checkFinite(styles.data(), "style");
    int per = layers * dim;
    int plane = 3 * manifest.width() * manifest.height();
    float[] out = new float[styles.count() * plane];
    long[] shape = null;
    for (int from = 0; from < styles.count(); from += MAX_BATCH) {
      int n = Math.min(MAX_BATCH, styles.count() - from);
      float[] part = java.util.Arrays.copyOfRange(styles.data(), from * per, (from + n) * per);
      Output o = runSynthesis(part, n, layers, dim);
      if (o.data.length != n * plane) {
        return o; // wrong size: the probe reports it
      }
      System.arraycopy(o.data, 0, out, from * plane, o.data.length);
      shape = o.shape;
    }
    if (shape != null) {
      shape = shape.clone();
      shape[0] = styles.count();
    }
    return new Output(out, shape);
  }

  private static void checkFinite(float[] values, String what) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("a " + what + " holds " + v + "; every value must be a finite number");
      }
    }
  }
}
