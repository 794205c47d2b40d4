package mishmash.train;

import ai.djl.engine.Engine;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import mishmash.latent.Latents;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.ModelFolder;
import mishmash.model.NativeTuning;
import mishmash.model.Models;
import mishmash.model.SampleSheet;
import mishmash.model.net.StyleNet;

/**
 * The training command: mixes one to a few image folders and trains Mishmash's style-based GAN on
 * them, on the CPU.
 *
 * <pre>
 * mvn -q -pl lib compile exec:java -Ptrain -Dexec.args="--data data/specimens/faces data/specimens/machines
 *     data/specimens/cells --weights 1,1,1 --size 128 --steps 10000 --out models/creatures"
 * </pre>
 *
 * Every {@code --sample-every} steps it writes a sample sheet from fixed latents to
 * {@code <out>/samples/}, every {@code --checkpoint-every} steps a checkpoint; running the same
 * command again resumes from the checkpoint, also after {@code kill -9}. At the end {@code <out>}
 * is a complete model folder (model.json, weights), with {@code samples.png} and {@code loss.png}.
 *
 * <p>With several folders the generator learns them as domains: it is shown one domain at a time,
 * and a model user can ask for any blend (see {@link Generator#map(float[][], float[], float)}).
 * The fixed sample sheets show two rows per domain and, at the bottom, an even blend.
 *
 * <p>{@code --bench-steps N} only times N training steps and prints a Markdown table row.
 */
public final class Train {
  static final int SHEET = 8;
  static final int LATENT = 128;

  /** What a finished run did: the step it started from, the step it reached, its speed. */
  public record Result(int startStep, int steps, double imagesPerSecond, Path model) {}

  private Train() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("train: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Runs the command; throws with a message that says what to fix. */
  public static Result run(String[] args) throws IOException {
    TrainOptions o = TrainOptions.parse(args);
    NativeTuning.apply(); // before the PyTorch engine loads
    ImageFolders data = ImageFolders.load(o.data(), o.weights(), o.size(), Train::log);
    List<String> domains = o.conditioned()
        ? data.folders().stream().map(ImageFolders.Folder::name).toList() : List.of();
    StyleNet.Config g = new StyleNet.Config(LATENT, LATENT, 4, generatorChannels(o.size(), o.synthesis()), domains,
        o.synthesis());
    Critic.Config scratch = Critic.Config.forSize(o.size(), domains.size(), o.blur());
    Judge.Config d = switch (o.critic()) {
      case "scratch" -> new Judge.Scratch(scratch);
      case "projected" -> new Judge.Projected(ProjectedCritic.Config.forSize(o.size(), domains.size()));
      default -> new Judge.Both(scratch, ProjectedCritic.Config.forSize(o.size(), domains.size()));
    };
    if (o.benchSteps() > 0) {
      return bench(o, data, g, d);
    }
    Path checkpoint = o.out().resolve(Checkpoint.FILE);
    // a run killed while writing its checkpoint or a sheet leaves a temporary file: it is never read, so it goes
    mishmash.files.AtomicFile.removeLeftovers(o.out(), 0);
    mishmash.files.AtomicFile.removeLeftovers(o.out().resolve("samples"), 0);
    JsonObject header = Files.exists(checkpoint) ? Checkpoint.header(checkpoint) : null;
    if (header != null) {
      checkCompatible(checkpoint, header, o, g, d);
    }

    Engine.getEngine("PyTorch").setRandomSeed((int) o.seed());
    try (GanTrainer trainer = new GanTrainer(g, d, o.settings(), o.batch())) {
      calibrate(trainer, data, o);
      LossHistory history = new LossHistory();
      Rng rng = new Rng(o.seed());
      int start = 0;
      long previousMillis = 0;
      if (header != null) {
        Checkpoint.restore(checkpoint, trainer, history);
        start = header.get("step").getAsInt();
        rng = new Rng(header.get("rng").getAsLong());
        previousMillis = header.get("elapsed_ms").getAsLong();
        log("resuming from " + checkpoint + " at step " + start);
      }

      float[][] fixedZ = Latents.batch(o.seed(), SHEET * SHEET, LATENT);
      int[][] fixedBands = sheetBands(domains.size());
      float[] pixels = new float[o.batch() * 3 * o.size() * o.size()];
      int[] labels = new int[o.batch()];
      Progress progress = new Progress(start > 0 ? "training (from step " + start + ")" : "training",
          Math.max(0, o.steps() - start));
      long began = System.nanoTime();
      int step = start;
      while (step < o.steps()) {
        data.batch(rng, pixels, labels);
        GanTrainer.Losses losses = trainer.step(pixels, labels, rng);
        step++;
        if (!losses.finite()) {
          throw new IllegalStateException("the losses became " + losses + " at step " + step + ". The checkpoint "
              + "in " + o.out() + " is intact; try a smaller --batch or a different --seed, and report it.");
        }
        history.add(losses);
        progress.step(1, status(history) + (trainer.skippedUpdates() > 0
            ? " skipped=" + trainer.skippedUpdates() : ""));
        boolean last = step == o.steps();
        if (step % o.sampleEvery() == 0 || last) {
          Image[] sheet = trainer.render(fixedZ, fixedBands);
          SampleSheet.write(SampleSheet.of(sheet, SHEET),
              o.out().resolve("samples").resolve(String.format(Locale.ROOT, "step-%06d.png", step)));
        }
        if (step % o.checkpointEvery() == 0 || last) {
          long elapsed = previousMillis + (System.nanoTime() - began) / 1_000_000;
          Checkpoint.write(checkpoint, header(o, g, d, step, rng, elapsed), trainer, history);
        }
      }
      progress.done();
      double seconds = (System.nanoTime() - began) / 1e9;
      double imagesPerSecond = step > start ? (step - start) * (double) o.batch() / seconds : 0;
      long wallMillis = previousMillis + (long) (seconds * 1000);

      ModelFolder.write(o.out(), trainer.average(), o.out().getFileName().toString(), description(o, domains),
          provenance(args, o, data, step, wallMillis, imagesPerSecond));
      try (Generator gan = Models.load(o.out())) {
        SampleSheet.write(SampleSheet.of(gan, SHEET, o.seed() + 1_000_000L, 1f), o.out().resolve("samples.png"));
      }
      SampleSheet.write(LossCurve.draw(history, "Training " + o.out().getFileName() + ": " + step + " steps of "
          + o.batch() + " at " + o.size() + "×" + o.size(), 900, 500), o.out().resolve("loss.png"));
      System.out.printf(Locale.ROOT, "trained %d steps (%d this run) in %s; %.1f training images/s at %dx%d, batch %d;"
              + " model in %s%n", step, step - start, Progress.clockText(wallMillis / 1000.0), imagesPerSecond,
          o.size(), o.size(), o.batch(), o.out());
      return new Result(start, step, imagesPerSecond, o.out());
    }
  }

  /**
   * Channels per synthesis stage from 4×4 up: wide where pictures are small, narrow where pixels
   * are many. For 128×128: 256, 256, 128, 64, 32, 16 ({@code skip}), or the first default model's
   * 128, 128, 64, 32, 16, 16 ({@code adain}). (16 is faster than 8 on the CPU: oneDNN's
   * convolutions work in blocks of 16 channels.)
   */
  static int[] generatorChannels(int size, String synthesis) {
    int stages = Integer.numberOfTrailingZeros(size) - 1;
    boolean skip = StyleNet.Config.SKIP.equals(synthesis);
    int[] channels = new int[stages];
    for (int i = 0; i < stages; i++) {
      channels[i] = skip ? Math.min(256, Math.max(16, 4096 / (4 << i))) : Math.min(128, Math.max(16, 1024 / (4 << i)));
    }
    return channels;
  }

  /** The critic measures its features on a fixed batch of real pictures (the same on every resume). */
  static void calibrate(GanTrainer trainer, ImageFolders data, TrainOptions o) {
    float[] pixels = new float[o.batch() * 3 * o.size() * o.size()];
    data.batch(new Rng(o.seed() ^ 0xCA11B8A7EL), pixels, new int[o.batch()]);
    trainer.calibrate(pixels, o.batch());
  }

  /**
   * The fixed sample sheet's domains per band (coarse, middle, fine): with K domains the first K rows
   * are one domain each, the rest hybrids by bands (the form of one domain, the skin of another, in
   * turn); without domains, nothing.
   */
  static int[][] sheetBands(int domains) {
    int[][] bands = new int[SHEET * SHEET][];
    int k = Math.max(domains, 1);
    int hybrid = 0;
    for (int i = 0; i < bands.length; i++) {
      int row = i / SHEET;
      if (row < k || k < 2) {
        int d = Math.min(row, k - 1);
        bands[i] = new int[] {d, d, d};
      } else {
        int form = (hybrid / (k - 1)) % k;
        int skin = (form + 1 + hybrid % (k - 1)) % k;
        bands[i] = new int[] {form, hybrid % 2 == 0 ? form : skin, skin};
        hybrid++;
      }
    }
    return bands;
  }

  private static String status(LossHistory h) {
    int n = 50;
    return String.format(Locale.ROOT, "d=%.3f g=%.3f D(real)=%+.2f D(fake)=%+.2f", h.recentMean(0, n),
        h.recentMean(1, n), h.recentMean(2, n), h.recentMean(3, n));
  }

  private static JsonObject header(TrainOptions o, StyleNet.Config g, Judge.Config d, int step, Rng rng,
                                   long elapsed) {
    JsonObject h = new JsonObject();
    h.addProperty("step", step);
    h.addProperty("rng", rng.state());
    h.addProperty("elapsed_ms", elapsed);
    h.addProperty("seed", o.seed());
    h.addProperty("size", o.size());
    h.addProperty("batch", o.batch());
    h.add("generator", g.toJson());
    h.add("critic", d.toJson());
    return h;
  }

  private static void checkCompatible(Path file, JsonObject h, TrainOptions o, StyleNet.Config g, Judge.Config d) {
    String was = "--size " + h.get("size") + " --batch " + h.get("batch") + " and " + h.get("generator");
    boolean same = h.get("size").getAsInt() == o.size() && h.get("batch").getAsInt() == o.batch()
        && h.get("generator").equals(g.toJson()) && h.get("critic").equals(d.toJson());
    if (!same) {
      throw new IllegalArgumentException(file + " belongs to a training with " + was + ", but this command asks for "
          + "--size " + o.size() + " --batch " + o.batch() + " and " + g.toJson() + ". Rerun with the first options "
          + "(and the same data folders) to resume, or choose another --out to start a new training.");
    }
  }

  private static String description(TrainOptions o, List<String> domains) {
    String what = domains.isEmpty() ? "its training images" : String.join(", ", domains)
        + " — one domain or any blend of them";
    return "A StyleNet trained by Mishmash's training command at " + o.size() + "×" + o.size() + ": draws " + what + ".";
  }

  private static JsonObject provenance(String[] args, TrainOptions o, ImageFolders data, int steps, long wallMillis,
                                       double imagesPerSecond) {
    JsonObject p = new JsonObject();
    p.addProperty("command", "mvn -q -pl lib compile exec:java -Ptrain -Dexec.args=\"" + String.join(" ", args) + "\"");
    JsonArray folders = new JsonArray();
    for (int i = 0; i < data.folders().size(); i++) {
      ImageFolders.Folder f = data.folders().get(i);
      JsonObject entry = new JsonObject();
      entry.addProperty("folder", f.path().toString());
      entry.addProperty("images", f.images().length);
      entry.addProperty("skipped_files", f.skipped());
      entry.addProperty("weight", o.weights()[i]);
      folders.add(entry);
    }
    p.add("data", folders);
    p.addProperty("seed", o.seed());
    p.addProperty("steps", steps);
    p.addProperty("batch", o.batch());
    p.addProperty("image_size", o.size());
    p.addProperty("wall_time_seconds", wallMillis / 1000);
    p.addProperty("wall_time", Progress.clockText(wallMillis / 1000.0));
    p.addProperty("machine", Runtime.getRuntime().availableProcessors() + " CPU cores, DJL PyTorch engine");
    p.addProperty("training_images_per_second", Math.round(imagesPerSecond * 10) / 10.0);
    String scratch = "a spectrally normalised critic learned from scratch, with minibatch stddev"
        + (o.blur() ? ", halving through a [1,3,3,1] low-pass filter" : ", halving with strided convolutions")
        + (o.conditioned() ? " and domain projection" : "");
    String projected = "a projected critic: spectrally normalised heads at four scales on frozen MobileNetV2 "
        + "features (models/mobilenet-v2) with fixed cross-channel and cross-scale mixing" + (o.conditioned()
        ? ", each head projecting on the embedding of its band's domain" : "");
    String critic = switch (o.critic()) {
      case "scratch" -> scratch;
      case "projected" -> projected;
      default -> scratch + ", beside " + projected + " (their losses weighted " + Math.round(
          Judge.Together.SCRATCH_SHARE * 100) + " : " + Math.round((1 - Judge.Together.SCRATCH_SHARE) * 100) + ")";
    };
    String generator = o.synthesis().equals("skip")
        ? "modulated convolutions with demodulation, noise inputs, bilinear upsampling and a picture per level"
        : "convolutions with adaptive instance normalisation";
    p.addProperty("training", "hinge loss, " + critic + "; a generator of " + generator + "; DiffAugment (colour, "
        + "translation, cutout), Adam (beta1 0, beta2 0.99), style mixing" + (o.conditioned() && o.bandMixing() > 0
        ? ", hybrids by bands of layers for " + Math.round(o.bandMixing() * 100) + " % of the generated pictures" : "")
        + "; the saved generator is the moving average of G's weights");
    p.addProperty("learning_rates", "G " + o.learningRateG() + ", D " + o.learningRateD());
    p.addProperty("license", o.license());
    return p;
  }

  /** Times {@code --bench-steps} steps after a warm-up and prints a Markdown table row; writes nothing. */
  private static Result bench(TrainOptions o, ImageFolders data, StyleNet.Config g, Judge.Config d) {
    Engine.getEngine("PyTorch").setRandomSeed((int) o.seed());
    try (GanTrainer trainer = new GanTrainer(g, d, o.settings(), o.batch())) {
      calibrate(trainer, data, o);
      Rng rng = new Rng(o.seed());
      float[] pixels = new float[o.batch() * 3 * o.size() * o.size()];
      int[] labels = new int[o.batch()];
      for (int i = 0; i < 3; i++) {
        data.batch(rng, pixels, labels);
        trainer.step(pixels, labels, rng);
      }
      long t = System.nanoTime();
      for (int i = 0; i < o.benchSteps(); i++) {
        data.batch(rng, pixels, labels);
        trainer.step(pixels, labels, rng);
      }
      double seconds = (System.nanoTime() - t) / 1e9;
      double perSecond = o.benchSteps() * (double) o.batch() / seconds;
      System.out.println("| size | batch | G params | D params | training images/s | s/step | peak RSS MB |");
      System.out.println("|---|---|---|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| %dx%d | %d | %.2fM | %.2fM | %.1f | %.3f | %.0f |%n", o.size(), o.size(),
          o.batch(), trainer.generatorParameters() / 1e6, trainer.criticParameters() / 1e6, perSecond,
          seconds / o.benchSteps(), mishmash.bench.Stats.peakRssMb());
      return new Result(0, o.benchSteps(), perSecond, null);
    }
  }

  private static void log(String line) {
    System.err.println(line);
  }
}
