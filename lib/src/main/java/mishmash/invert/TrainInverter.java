package mishmash.invert;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.features.PictureFeatures;
import mishmash.files.AtomicFile;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.mlp.Args;
import mishmash.mlp.Mlp;
import mishmash.mlp.MlpTrainer;
import mishmash.mlp.Resumable;
import mishmash.mlp.Rows;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.MadeFor;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.NativeTuning;
import mishmash.model.SampleSheet;
import mishmash.model.Styles;

/**
 * The inverter's training command: teaches an {@link Inverter} the way back from a generator's
 * pictures to its latent space, from the generator's own samples — no photos, no data set.
 *
 * <pre>
 * mvn -q -pl lib compile exec:java -Pinvert                               the default model
 * mvn -q -pl lib compile exec:java -Pinvert -Dexec.args="--model my-stylegan"
 * </pre>
 *
 * It draws creatures as the archive grid makes them (hybrids by bands of layers) and as single
 * domains, truncated anywhere from ψ 0.5 to 1, and keeps each one's w per band of layers.
 * <ul>
 *   <li>The picture path learns w from the creature's {@link PictureFeatures}.</li>
 *   <li>The face path learns w from the {@link FaceFeatures} of the creatures with a face form in
 *       which face-api.js finds a face (skipped when it finds fewer than {@code MIN_FACES}).</li>
 * </ul>
 * Both are small networks trained on the squared error of the (standardised) w. The last
 * {@code --held-out} creatures are never learned from: at the end the command measures on them how
 * far the inverter's w is from the true one, and how far the picture it draws is, next to the same for
 * a random creature's w (the baseline), writes both into model.json and prints them. The creatures'
 * features are kept in {@code --cache} and the networks checkpoint there, so a stopped run resumes.
 * The folder it writes, {@code models/<model>-inverter}, names the generator it belongs to.
 */
public final class TrainInverter {
  static final String USAGE = String.join("\n",
      "usage: invert [options]",
      "  --model NAME            the generator (default: the default model)",
      "  --out DIR               the inverter's folder (models/<model>-inverter)",
      "  --samples N             creatures for the picture path (12000)",
      "  --face-samples N        creatures with a face form tried for the face path (6000)",
      "  --held-out N            creatures kept apart to measure the round trip on (1000)",
      "  --steps N               training steps of each path (6000)",
      "  --hidden N              units of each network's two hidden layers (256)",
      "  --seed N                random seed (1)",
      "  --cache DIR             where creatures' features and checkpoints are kept (data/inverters/<model>)",
      "  --license TEXT          recorded in model.json (default: the generator's license)");
  /** Fewest faces found for a face path to be learned. */
  static final int MIN_FACES = 300;
  static final int CHUNK = 100;

  private TrainInverter() {}

  public static void main(String[] args) {
    try {
      System.out.print(run(args).table());
    } catch (IllegalArgumentException | ModelException | IOException e) {
      System.err.println("invert: " + e.getMessage());
      System.exit(2);
    }
  }

  /** What the command made, and the round trip it measured. */
  public record Result(Path folder, RoundTrip picture, RoundTrip face, String table) {}

  /**
   * The round trip on held-out creatures: mean squared error of w per value and the mean absolute
   * difference of the pictures in levels of 255, for the inverter and for a random creature's w.
   */
  public record RoundTrip(int n, double latent, double latentRandom, double pixels, double pixelsRandom) {
    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("held_out", n);
      o.addProperty("latent_mse", round(latent));
      o.addProperty("latent_mse_random_w", round(latentRandom));
      o.addProperty("picture_levels", round(pixels));
      o.addProperty("picture_levels_random_w", round(pixelsRandom));
      return o;
    }
  }

  public static Result run(String[] args) throws IOException {
    long began = System.nanoTime();
    Args a = Args.parse(args, USAGE);
    String model = a.string("--model", Models.DEFAULT);
    int samples = a.integer("--samples", 12000, 10);
    int faceSamples = a.integer("--face-samples", 6000, 0);
    int heldOut = a.integer("--held-out", 1000, 2);
    int steps = a.integer("--steps", 6000, 1);
    int hidden = a.integer("--hidden", 256, 1);
    long seed = a.longValue("--seed", 1);
    NativeTuning.apply();
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1");
    }
    try (Generator gan = Models.load(model); PictureFeatures features = PictureFeatures.load()) {
      String folderName = gan.manifest().folder().getFileName().toString();
      Path out = a.has("--out") ? Paths.get(a.string("--out", null)) : Inverter.folderFor(gan.manifest());
      Path cache = Paths.get(a.string("--cache", "data/inverters/" + folderName));
      String license = a.string("--license", gan.manifest().provenance("license"));
      Work work = new Work(gan, features, seed, cache);
      ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);

      // the picture path
      float[][] rows = work.pictureRows(samples + heldOut);
      int target = work.groups * gan.styleSize();
      MlpTrainer.Data train = split(rows, 0, samples, PictureFeatures.SIZE, target);
      MlpTrainer.Data test = split(rows, samples, samples + heldOut, PictureFeatures.SIZE, target);
      Mlp picture = Mlp.create(new Mlp.Layout(PictureFeatures.SIZE, new int[] {hidden, hidden}, target));
      Mlp face = null;
      try {
        train(picture, train, cache.resolve("picture.checkpoint"), key(gan, "picture", samples, hidden, seed), steps,
            seed, "training the picture path");
        RoundTrip pictureTrip = work.roundTrip(picture.predict(test.x()), test.y(), rows, samples);

        // the face path
        RoundTrip faceTrip = null;
        Inverter.FaceFrame frame = null;
        if (faceSamples > 0) {
          float[][] faceRows = work.faceRows(faceSamples + heldOut);
          List<float[]> found = new ArrayList<>();
          for (float[] r : faceRows) {
            if (r[0] > 0) {
              found.add(r);
            }
          }
          int testFaces = Math.min(heldOut, found.size() / 5);
          System.err.printf(Locale.ROOT, "invert: face-api.js found a face in %d of %d creatures with a face form%n",
              found.size(), faceRows.length);
          if (found.size() - testFaces >= MIN_FACES) {
            float[][] f = found.toArray(float[][]::new);
            MlpTrainer.Data faceTrain = split(f, 0, f.length - testFaces, 1, FaceFeatures.SIZE, target);
            MlpTrainer.Data faceTest = split(f, f.length - testFaces, f.length, 1, FaceFeatures.SIZE, target);
            face = Mlp.create(new Mlp.Layout(FaceFeatures.SIZE, new int[] {hidden, hidden}, target));
            train(face, faceTrain, cache.resolve("face.checkpoint"), key(gan, "face", faceSamples, hidden, seed) + " "
                + found.size(), steps, seed, "training the face path");
            faceTrip = work.roundTrip(face.predict(faceTest.x()), faceTest.y(), null, 0);
            frame = work.faceFrame(f);
          } else {
            System.err.println("invert: too few faces found for a face path (" + MIN_FACES + " are needed): the mirror "
                + "will use the picture path on the viewer's face");
          }
        }
        JsonObject provenance = new JsonObject();
        provenance.addProperty("command", "mvn -q -pl lib compile exec:java -Pinvert -Dexec.args=\"" + String.join(" ", args)
            + "\"");
        provenance.addProperty("data", "the generator's own samples: " + samples + " creatures for the picture path, "
            + faceSamples + " tried for the face path, " + heldOut + " held out; seed " + seed);
        provenance.addProperty("steps", steps);
        provenance.add("round_trip_picture", pictureTrip.toJson());
        if (faceTrip != null) {
          provenance.add("round_trip_face", faceTrip.toJson());
        }
        provenance.addProperty("date", LocalDate.now().toString());
        provenance.addProperty("wall_time_seconds", Math.round((System.nanoTime() - began) / 1e9));
        provenance.addProperty("license", license);
        write(out, gan, work.groupOf, picture, face, frame, provenance);
        sheet(out, gan, picture, test, rows, samples, work);
        String table = table(gan, pictureTrip, faceTrip);
        return new Result(out, pictureTrip, faceTrip, table);
      } finally {
        picture.close();
        if (face != null) {
          face.close();
        }
      }
    }
  }

  static String key(Generator gan, String path, int samples, int hidden, long seed) {
    return String.join(" ", "inverter", path, MadeFor.of(gan).fingerprint(), Integer.toString(samples),
        Integer.toString(hidden), Long.toString(seed), Integer.toString(PictureFeatures.SIZE));
  }

  static void train(Mlp net, MlpTrainer.Data data, Path checkpoint, String key, int steps, long seed, String label)
      throws IOException {
    MlpTrainer trainer = new MlpTrainer(net, data, new MlpTrainer.Settings(1e-3f, 1e-4f, 128));
    Resumable.train(checkpoint, key + " " + steps, trainer, steps, seed, label);
  }

  /** Rows {@code from..to} as inputs (after {@code skip} leading values) and targets. */
  static MlpTrainer.Data split(float[][] rows, int from, int to, int skip, int inputs, int target) {
    float[][] x = new float[to - from][];
    float[][] y = new float[to - from][];
    for (int i = from; i < to; i++) {
      x[i - from] = Arrays.copyOfRange(rows[i], skip, skip + inputs);
      y[i - from] = Arrays.copyOfRange(rows[i], skip + inputs, skip + inputs + target);
    }
    return new MlpTrainer.Data(x, y, null);
  }

  static MlpTrainer.Data split(float[][] rows, int from, int to, int inputs, int target) {
    return split(rows, from, to, 0, inputs, target);
  }

  /** Drawing the generator's samples and measuring them. */
  static final class Work {
    final Generator gan;
    final PictureFeatures features;
    final long seed;
    final Path cache;
    final InverterSamples samples;
    final int[] groupOf;
    final int groups;
    final int faceDomain;

    Work(Generator gan, PictureFeatures features, long seed, Path cache) {
      this.gan = gan;
      this.features = features;
      this.seed = seed;
      this.cache = cache;
      this.samples = new InverterSamples(gan, seed);
      this.groupOf = samples.groupOf();
      this.groups = samples.groups();
      this.faceDomain = Genomes.domains(gan) > 0 ? gan.domains().indexOf("faces") : -1;
    }

    float[] target(Styles s, int i) {
      return samples.target(s, i);
    }

    Styles styles(int set, int from, int count) {
      return samples.styles(set, from, count);
    }

    long seedOf(int set, int i) {
      return samples.seedOf(set, i);
    }

    static float psi(long s) {
      return InverterSamples.psi(s);
    }

    Styles expand(float[] perGroup) {
      return samples.expand(perGroup);
    }

    /** [picture features | w per group] for each sample. */
    float[][] pictureRows(int n) throws IOException {
      return Rows.get(cache, key(gan, "picture rows", 0, 0, seed), n, CHUNK, "creatures for the picture path",
          (from, count) -> {
            Styles s = styles(0, from, count);
            float[][] f = features.of(Arrays.asList(gan.synthesize(s)));
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) {
              out[i] = concat(f[i], target(s, i));
            }
            return out;
          });
    }

    /** [found | face features | w per group | face frame (3)] for creatures with a face form. */
    float[][] faceRows(int n) throws IOException {
      if (faceDomain < 0 && Genomes.domains(gan) > 0) {
        System.err.println("invert: model \"" + gan.manifest().name() + "\" has no \"faces\" domain; trying its creatures");
      }
      try (FaceAnalyzer faces = InverterSamples.faceReader(gan)) {
        return Rows.get(cache, key(gan, "face rows", 0, 0, seed), n, CHUNK, "creatures for the face path",
            (from, count) -> {
              List<Styles> parts = new ArrayList<>();
              Styles st = samples.faceStyles(1, from, count);
              Image[] pictures = gan.synthesize(st);
              float[][] out = new float[count][];
              for (int i = 0; i < count; i++) {
                Image p = pictures[i];
                List<Face> found = faces.analyze(p.argb(), p.width(), p.height());
                float[] row = new float[1 + FaceFeatures.SIZE + groups * gan.styleSize() + 3];
                if (!found.isEmpty()) {
                  Face f = found.get(0);
                  row[0] = 1;
                  System.arraycopy(FaceFeatures.of(f, p), 0, row, 1, FaceFeatures.SIZE);
                  System.arraycopy(target(st, i), 0, row, 1 + FaceFeatures.SIZE, groups * gan.styleSize());
                  int at = 1 + FaceFeatures.SIZE + groups * gan.styleSize();
                  row[at] = (f.alignedBox().x() + f.alignedBox().width() / 2) / p.width();
                  row[at + 1] = (f.alignedBox().y() + f.alignedBox().height() / 2) / p.height();
                  row[at + 2] = Math.max(f.alignedBox().width(), f.alignedBox().height()) / Math.max(p.width(), p.height());
                }
                out[i] = row;
              }
              return out;
            });
      }
    }

    Inverter.FaceFrame faceFrame(float[][] found) {
      double x = 0;
      double y = 0;
      double side = 0;
      int at = 1 + FaceFeatures.SIZE + groups * gan.styleSize();
      for (float[] r : found) {
        x += r[at];
        y += r[at + 1];
        side += r[at + 2];
      }
      return new Inverter.FaceFrame((float) (x / found.length), (float) (y / found.length), (float) (side / found.length));
    }

    /**
     * The round trip on held-out samples: predicted w against the true w, and the pictures drawn from
     * both; the baseline takes another held-out sample's w (a random creature's).
     */
    RoundTrip roundTrip(float[][] predicted, float[][] truth, float[][] rows, int from) {
      int n = truth.length;
      double latent = 0;
      double latentRandom = 0;
      for (int i = 0; i < n; i++) {
        float[] other = truth[(i + n / 2) % n];
        for (int j = 0; j < truth[i].length; j++) {
          latent += sq(predicted[i][j] - truth[i][j]);
          latentRandom += sq(other[j] - truth[i][j]);
        }
      }
      int values = n * truth[0].length;
      double pixels = 0;
      double pixelsRandom = 0;
      for (int i = 0; i < n; i += 16) {
        int count = Math.min(16, n - i);
        List<Styles> want = new ArrayList<>();
        List<Styles> got = new ArrayList<>();
        List<Styles> random = new ArrayList<>();
        for (int k = i; k < i + count; k++) {
          want.add(expand(truth[k]));
          got.add(expand(predicted[k]));
          random.add(expand(truth[(k + n / 2) % n]));
        }
        Image[] a = gan.synthesize(Styles.concat(want));
        Image[] b = gan.synthesize(Styles.concat(got));
        Image[] c = gan.synthesize(Styles.concat(random));
        for (int k = 0; k < count; k++) {
          pixels += levelsApart(a[k], b[k]);
          pixelsRandom += levelsApart(a[k], c[k]);
        }
      }
      return new RoundTrip(n, latent / values, latentRandom / values, pixels / n, pixelsRandom / n);
    }
  }

  static double sq(double v) {
    return v * v;
  }

  /** Mean absolute difference of two pictures' channels, in levels of 255. */
  public static double levelsApart(Image a, Image b) {
    long sum = 0;
    int[] p = a.argb();
    int[] q = b.argb();
    for (int i = 0; i < p.length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        sum += Math.abs((p[i] >> shift & 0xFF) - (q[i] >> shift & 0xFF));
      }
    }
    return sum / (3.0 * p.length);
  }

  static float[] concat(float[] a, float[] b) {
    float[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static void write(Path out, Generator gan, int[] groupOf, Mlp picture, Mlp face, Inverter.FaceFrame frame,
                            JsonObject provenance) throws IOException {
    Files.createDirectories(out);
    save(out.resolve("picture.params"), picture);
    if (face != null) {
      save(out.resolve("face.params"), face);
    }
    JsonObject m = new JsonObject();
    m.addProperty("name", out.getFileName().toString());
    m.addProperty("kind", Inverter.KIND);
    m.addProperty("format", "djl");
    m.addProperty("description", "The inverter of model \"" + gan.manifest().name() + "\": picture → w (picture path)"
        + (face != null ? " and face landmarks, expression, age, gender, colours → w (face path)" : "")
        + ", learned from the generator's own samples. Used by the mirror.");
    m.add(MadeFor.FIELD, MadeFor.of(gan).toJson());
    JsonObject files = new JsonObject();
    files.addProperty("picture", "picture.params");
    if (face != null) {
      files.addProperty("face", "face.params");
    }
    m.add("files", files);
    JsonObject arch = new JsonObject();
    arch.addProperty("type", Inverter.TYPE);
    arch.addProperty("version", Inverter.VERSION);
    arch.addProperty("style_layers", gan.styleLayers());
    arch.addProperty("style_size", gan.styleSize());
    arch.add("groups", Inverter.groupsJson(groupOf));
    arch.addProperty("picture_features", PictureFeatures.SIZE);
    arch.addProperty("face_features", FaceFeatures.SIZE);
    arch.addProperty("hidden", picture.layout().hidden()[0]);
    if (frame != null) {
      JsonObject f = new JsonObject();
      f.addProperty("centre_x", round(frame.centreX()));
      f.addProperty("centre_y", round(frame.centreY()));
      f.addProperty("side", round(frame.side()));
      arch.add("face_frame", f);
    }
    m.add("architecture", arch);
    m.add("provenance", provenance);
    // model.json last: a folder with one always has its networks
    AtomicFile.writeString(out.resolve(Manifest.FILE_NAME), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .create().toJson(m) + "\n");
  }

  private static void save(Path file, Mlp net) throws IOException {
    AtomicFile.write(file, stream -> {
      DataOutputStream data = new DataOutputStream(new BufferedOutputStream(stream));
      net.write(data);
      data.flush();
    });
  }

  /** roundtrip.png: eight held-out creatures (top row) and what the inverter finds in them (bottom row). */
  private static void sheet(Path out, Generator gan, Mlp picture, MlpTrainer.Data test, float[][] rows, int from,
                            Work work) throws IOException {
    int n = Math.min(8, test.size());
    List<Styles> want = new ArrayList<>();
    List<Styles> got = new ArrayList<>();
    float[][] p = picture.predict(Arrays.copyOf(test.x(), n));
    for (int i = 0; i < n; i++) {
      want.add(work.expand(test.y()[i]));
      got.add(work.expand(p[i]));
    }
    Image[] a = gan.synthesize(Styles.concat(want));
    Image[] b = gan.synthesize(Styles.concat(got));
    Image[] both = new Image[2 * n];
    System.arraycopy(a, 0, both, 0, n);
    System.arraycopy(b, 0, both, n, n);
    SampleSheet.write(SampleSheet.of(both, n), out.resolve("roundtrip.png"));
  }

  static String table(Generator gan, RoundTrip picture, RoundTrip face) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%n| path | held-out | w error (MSE) | w error, random w | picture error (levels) |"
        + " picture error, random w |%n|---|---|---|---|---|---|%n"));
    s.append(row("picture → w", picture));
    if (face != null) {
      s.append(row("face → w", face));
    }
    return s.toString();
  }

  private static String row(String what, RoundTrip t) {
    return String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.2f | %.2f |%n", what, t.n(), t.latent(), t.latentRandom(),
        t.pixels(), t.pixelsRandom());
  }
}
