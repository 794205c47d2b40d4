package mishmash.train;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The training command's options, parsed and checked; every mistake is reported by name. */
record TrainOptions(
    List<Path> data,
    double[] weights,
    int size,
    int steps,
    Path out,
    int batch,
    long seed,
    int sampleEvery,
    int checkpointEvery,
    boolean conditioned,
    String license,
    float learningRateG,
    float learningRateD,
    int benchSteps,
    String critic,
    String synthesis,
    double bandMixing,
    boolean blur) {

  static final String USAGE = String.join("\n",
      "usage: train --data DIR [DIR...] --steps N --out models/NAME [options]",
      "  --data DIR [DIR...]     one to a few image folders (png, jpg, gif, bmp; any size)",
      "  --weights 1,1,1         how often each folder is drawn, relative (default: all 1)",
      "  --size 128              output size in pixels, a power of two >= 8 (default 128)",
      "  --steps N               total training steps; rerun with a larger N to train on",
      "  --out DIR               the model folder to write; a checkpoint there is resumed",
      "  --batch 32              pictures per step (default 32)",
      "  --seed 1                random seed (default 1)",
      "  --sample-every K        sample sheet every K steps into DIR/samples (default 500)",
      "  --checkpoint-every K    checkpoint every K steps (default 500)",
      "  --unconditional         with several folders, do not learn them as separate domains",
      "  --license TEXT          the trained model's license, recorded in model.json",
      "  --lr-g 0.0002           the generator's Adam learning rate",
      "  --lr-d 0.0002           the critic's Adam learning rate",
      "  --critic scratch        scratch (a critic learned from scratch: the default), both (that critic",
      "                          plus heads on frozen MobileNetV2 features) or projected (the heads alone)",
      "  --strided               the scratch critic halves with strided convolutions (as the first default",
      "                          model's did), not through a low-pass filter",
      "  --synthesis adain       adain (style-modulated instance norm: the default; it learned faster in the",
      "                          evaluation's ablation) or skip (modulated convolutions, noise, a picture per level)",
      "  --band-mixing 0         chance that a generated picture mixes domains by bands of layers (0 = never:",
      "                          the default, since it did not yet help in the evaluation's ablation)",
      "  --bench-steps N         only time N training steps and print a Markdown table row");

  static TrainOptions parse(String[] args) {
    List<Path> data = new ArrayList<>();
    String weights = null;
    int size = 128;
    int steps = -1;
    Path out = null;
    int batch = 32;
    long seed = 1;
    int sampleEvery = 500;
    int checkpointEvery = 500;
    boolean conditioned = true;
    String license = "unspecified: pass --license with the training data's license";
    float lrG = GanTrainer.DEFAULT.learningRateG();
    float lrD = GanTrainer.DEFAULT.learningRateD();
    int benchSteps = 0;
    String critic = "scratch";
    boolean blur = true;
    String synthesis = mishmash.model.net.StyleNet.Config.ADAIN;
    double bandMixing = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--data" -> {
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            data.add(Paths.get(args[++i]));
          }
          if (data.isEmpty()) {
            throw new IllegalArgumentException("--data needs at least one folder");
          }
        }
        case "--weights" -> weights = value(args, ++i, a);
        case "--size" -> size = positive(args, ++i, a);
        case "--steps" -> steps = positive(args, ++i, a);
        case "--out" -> out = Paths.get(value(args, ++i, a));
        case "--batch" -> batch = positive(args, ++i, a);
        case "--seed" -> seed = parseLong(value(args, ++i, a), a);
        case "--sample-every" -> sampleEvery = positive(args, ++i, a);
        case "--checkpoint-every" -> checkpointEvery = positive(args, ++i, a);
        case "--unconditional" -> conditioned = false;
        case "--license" -> license = value(args, ++i, a);
        case "--lr-g" -> lrG = rate(args, ++i, a);
        case "--lr-d" -> lrD = rate(args, ++i, a);
        case "--bench-steps" -> benchSteps = positive(args, ++i, a);
        case "--critic" -> critic = choice(args, ++i, a, "both", "projected", "scratch");
        case "--synthesis" -> synthesis = choice(args, ++i, a, "skip", "adain");
        case "--band-mixing" -> bandMixing = share(args, ++i, a);
        case "--strided" -> blur = false;
        default -> throw new IllegalArgumentException("unknown option \"" + a + "\"\n" + USAGE);
      }
    }
    if (data.isEmpty()) {
      throw new IllegalArgumentException("--data is missing: name one to a few image folders\n" + USAGE);
    }
    if (benchSteps == 0 && steps < 0) {
      throw new IllegalArgumentException("--steps is missing: how many training steps to run\n" + USAGE);
    }
    if (benchSteps == 0 && out == null) {
      throw new IllegalArgumentException("--out is missing: the model folder to write, such as models/creatures\n"
          + USAGE);
    }
    if (size < 8 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("--size must be a power of two, at least 8 (such as 64 or 128), not " + size);
    }
    return new TrainOptions(List.copyOf(data), parseWeights(weights, data.size()), size, steps, out, batch, seed,
        sampleEvery, checkpointEvery, conditioned && data.size() > 1, license, lrG, lrD, benchSteps, critic, synthesis,
        bandMixing, blur);
  }

  private static String choice(String[] args, int i, String option, String... allowed) {
    String v = value(args, i, option);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", not " + v);
  }

  private static double share(String[] args, int i, String option) {
    String text = value(args, i, option);
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(option + " must be a chance from 0 to 1, such as 0.5, not " + text);
    }
    return v;
  }

  private static double[] parseWeights(String text, int folders) {
    double[] w = new double[folders];
    if (text == null) {
      java.util.Arrays.fill(w, 1);
      return w;
    }
    String[] parts = text.split(",");
    if (parts.length != folders) {
      throw new IllegalArgumentException("--weights " + text + " has " + parts.length + " values for " + folders
          + " data folders; give one per folder, in the same order, such as --weights " + "1,".repeat(folders - 1) + "1");
    }
    for (int i = 0; i < folders; i++) {
      try {
        w[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        w[i] = Double.NaN;
      }
      if (!(w[i] > 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("--weights " + text + ": \"" + parts[i] + "\" is not a positive number");
      }
    }
    return w;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String[] args, int i, String option) {
    long v = parseLong(value(args, i, option), option);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(option + " must be a positive whole number, not " + args[i]);
    }
    return (int) v;
  }

  private static float rate(String[] args, int i, String option) {
    String text = value(args, i, option);
    float v;
    try {
      v = Float.parseFloat(text.trim());
    } catch (NumberFormatException e) {
      v = Float.NaN;
    }
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(option + " must be a learning rate between 0 and 1, such as 0.0002, not " + text);
    }
    return v;
  }

  /** The training settings these options ask for. */
  GanTrainer.Settings settings() {
    GanTrainer.Settings d = GanTrainer.DEFAULT;
    return new GanTrainer.Settings(learningRateG, learningRateD, d.beta1(), d.beta2(), d.emaHalfLifeImages(),
        d.emaRampup(), d.styleMixing(), bandMixing);
  }

  private static long parseLong(String text, String option) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, not \"" + text + "\"");
    }
  }
}
