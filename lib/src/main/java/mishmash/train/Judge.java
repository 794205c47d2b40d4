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
  sealed interface Config permits Projected, Scratch, Both {
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

  /** Both critics at once, their losses averaged (as in Vision-aided GAN, Kumari et al. 2022). */
  record Both(Critic.Config scratch, ProjectedCritic.Config projected) implements Config {
    public int imageSize() {
      return projected.imageSize();
    }

    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "both");
      o.add("scratch", scratch.toJson());
      o.add("projected", projected.toJson());
      return o;
    }

    public long largestPerPicture() {
      return Math.max(new Scratch(scratch).largestPerPicture(), new Projected(projected).largestPerPicture());
    }
  }

  static Judge of(Config config) {
    if (config instanceof Projected p) {
      return new OnFeatures(new ProjectedCritic(p.config()));
    }
    if (config instanceof Both b) {
      return new Together(new FromScratch(new Critic(b.scratch())), new OnFeatures(new ProjectedCritic(b.projected())));
    }
    return new FromScratch(new Critic(((Scratch) config).config()));
  }

  /** What the critic looks at: features of the pictures [B, 3, S, S] in [-1, 1]. */
  NDList see(NDArray pictures);

  /**
   * Scores in groups, each [B, N]: the loss averages within a group and then over the groups, so
   * every head counts alike however many scores it gives. {@code bandDomains}: one-hot [B, K] per
   * band, or null.
   */
  NDList scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training);

  /** The trainable block. */
  Block block();

  /** How much each group of {@link #scores} counts in the loss; they add up to 1. */
  default float[] weights(int groups) {
    float[] w = new float[groups];
    java.util.Arrays.fill(w, 1f / groups);
    return w;
  }

  /** Whether the pictures it sees may be recoloured by {@link DiffAugment}. */
  default boolean recolours() {
    return true;
  }

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

    @Override
    public boolean recolours() {
      return false;
    }

    public NDList scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training) {
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

  /**
   * A critic learned from scratch beside the projected one: the projected heads bring what a
   * pretrained network knows of shapes and textures, the scratch critic keeps colours and fine
   * pixels honest, which pretrained features barely tell apart.
   */
  final class Together implements Judge {
    private final FromScratch scratch;
    private final OnFeatures projected;
    private final ai.djl.nn.AbstractBlock both;

    Together(FromScratch scratch, OnFeatures projected) {
      this.scratch = scratch;
      this.projected = projected;
      this.both = new ai.djl.nn.AbstractBlock() {
        {
          addChildBlock("scratch", scratch.block());
          addChildBlock("projected", projected.block());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         ai.djl.util.PairList<String, Object> params) {
          throw new UnsupportedOperationException("use scores()");
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, ai.djl.ndarray.types.DataType dataType,
                                             ai.djl.ndarray.types.Shape... inputShapes) {
          // each critic is initialised on its own, with its own input shapes
        }

        @Override
        public ai.djl.ndarray.types.Shape[] getOutputShapes(ai.djl.ndarray.types.Shape[] inputShapes) {
          return inputShapes;
        }
      };
    }

    public NDList see(NDArray pictures) {
      NDList seen = projected.see(pictures);
      seen.add(pictures);
      return seen;
    }

    public NDList scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training) {
      NDList features = new NDList(seen.subList(0, seen.size() - 1));
      NDList groups = projected.scores(ps, features, bandDomains, training);
      groups.addAll(scratch.scores(ps, new NDList(seen.get(seen.size() - 1)), bandDomains, training));
      return groups;
    }

    public Block block() {
      return both;
    }

    /** {@link #SCRATCH_SHARE} for the scratch critic (the last group), the rest shared by the projected heads. */
    @Override
    public float[] weights(int groups) {
      float[] w = new float[groups];
      java.util.Arrays.fill(w, (1 - SCRATCH_SHARE) / (groups - 1));
      w[groups - 1] = SCRATCH_SHARE;
      return w;
    }

    /**
     * The scratch critic's share of the loss. With half, or with the projected heads alone, the
     * generator's colours drifted into pure primaries in the first few hundred steps: pretrained
     * features barely tell colours apart, and the heads pulled harder than the scratch critic.
     */
    static final float SCRATCH_SHARE = 0.8f;

    public void initialize(NDManager manager) {
      scratch.initialize(manager);
      projected.initialize(manager);
      both.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 8, 8));
    }

    @Override
    public boolean recolours() {
      return false;
    }

    @Override
    public void calibrate(NDArray realPictures) {
      projected.calibrate(realPictures);
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
      projected.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
      projected.load(in);
    }

    @Override
    public void free() {
      projected.free();
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

    public NDList scores(ParameterStore ps, NDList seen, NDArray[] bandDomains, boolean training) {
      NDArray pictures = seen.get(seen.size() - 1);
      NDList in = new NDList(pictures);
      if (bandDomains != null) {
        NDArray coarse = bandDomains[0];
        in.add(coarse.reshape(coarse.getShape().get(0), coarse.getShape().get(1), 1, 1));
      }
      return new NDList(critic.forward(ps, in, true).head().reshape(-1, 1));
    }

    public Block block() {
      return critic;
    }

    public void initialize(NDManager manager) {
      critic.initialize(manager);
    }
  }
}
