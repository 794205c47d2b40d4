package mishmash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the trainer needs of a critic, whichever it is: {@link ProjectedCritic} (the default: small
 * heads on a frozen pretrained network) or {@link Critic} (learned from scratch, the first default
 * model's). Seeing and scoring are two steps so that a critic step can see without recording a
 * graph, when the seeing is frozen.
 */
interface Judge {

  /** Which critic, and how it is built; stored in checkpoints. */
  sealed interface Config permits Projected, Scratch {
    int imageSize();

    JsonObject toJson();

    /** Floats per picture of the largest activation, to size micro-batches. */
    long largestPerPicture();
  }

  record Projected(ProjectedCritic.Config config) implements Config {
    public int imageSize() {
      return config.imageSize();
    }

    public JsonObject toJson() {
      return config.toJson();
    }

    public long largestPerPicture() {
      // MobileNetV2's first expansion: 96 channels at half size
      long half = config.imageSize() / 2;
      return 96 * half * half;
    }
  }

  record Scratch(Critic.Config config) implements Config {
    public int imageSize() {
      return config.imageSize();
    }

    public JsonObject toJson() {
      return config.toJson();
    }

    public long largestPerPicture() {
      long half = config.imageSize() / 2;
      return Math.max(Critic.STEM_CHANNELS, config.widths()[0]) * half * half;
    }
  }

  static Judge of(Config config) {
    if (config instanceof Projected p) {
      return new OnFeatures(new ProjectedCritic(p.config()));
    }
    return new FromScratch(new Critic(((Scratch) config).config()));
  }

  /** What the critic looks at: features of the pictures [B, 3, S, S] in [-1, 1]. */
  NDList see(NDArray pictures);

  /** Scores [B, N] (N per picture, averaged by the loss); {@code bandDomains} one-hot [B, K] per band, or null. */
  NDArray scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training);

  /** The trainable block. */
  Block block();

  void initialize(NDManager manager);

  /** Measures what needs measuring on real pictures before training. */
  default void calibrate(NDArray realPictures) {}

  /** State beyond the block's parameters, for checkpoints. */
  default void save(DataOutputStream out) throws IOException {}

  default void load(DataInputStream in) throws IOException {}

  default void free() {}

  /** The projected critic. */
  final class OnFeatures implements Judge {
    private final ProjectedCritic critic;

    OnFeatures(ProjectedCritic critic) {
      this.critic = critic;
    }

    public NDList see(NDArray pictures) {
      return critic.features(pictures);
    }

    public NDArray scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training) {
      return critic.scores(ps, seen, bandDomains, training);
    }

    public Block block() {
      return critic;
    }

    public void initialize(NDManager manager) {
      critic.initialize(manager);
    }

    @Override
    public void calibrate(NDArray realPictures) {
      critic.calibrate(realPictures);
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
      float[] s = critic.calibration();
      out.writeInt(s.length);
      for (float v : s) {
        out.writeFloat(v);
      }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
      int n = in.readInt();
      if (n != critic.scales()) {
        throw new IOException("the checkpoint's critic has " + n + " scales, this one " + critic.scales());
      }
      float[] s = new float[n];
      for (int i = 0; i < n; i++) {
        s[i] = in.readFloat();
      }
      critic.setCalibration(s);
    }

    @Override
    public void free() {
      critic.free();
    }
  }

  /** The critic learned from scratch; it judges a picture's domain by its coarse band. */
  final class FromScratch implements Judge {
    private final Critic critic;

    FromScratch(Critic critic) {
      this.critic = critic;
    }

    public NDList see(NDArray pictures) {
      return new NDList(pictures);
    }

    public NDArray scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training) {
      NDArray pictures = seen.head();
      NDList in = new NDList(pictures);
      if (bandDomains != null) {
        NDArray coarse = bandDomains[0];
        in.add(coarse.reshape(coarse.getShape().get(0), coarse.getShape().get(1), 1, 1));
      }
      return critic.forward(ps, in, true).head().reshape(-1, 1);
    }

    public Block block() {
      return critic;
    }

    public void initialize(NDManager manager) {
      critic.initialize(manager);
    }
  }
}
