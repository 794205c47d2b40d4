package mishmash.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import mishmash.latent.Latents;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.net.StyleNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short training runs on tiny pictures: losses stay finite, a resumed run carries on from the
 * checkpoint, the result is a model folder that loads, and bad input gets clear errors.
 *
 * <p>Two runs from the same seed are not bit-identical after the first update (the CPU's parallel
 * gradient sums are not always added in the same order, and Adam's first steps magnify the
 * difference), so resuming is checked against the saved state, not against an uninterrupted run.
 */
class TrainTest {
  @TempDir
  static Path dir;
  static Path faces;
  static Path machines;

  /** Two folders of 16×16-ish pictures, with a stray text file and a picture of another size. */
  @BeforeAll
  static void data() throws IOException {
    faces = picturesIn(dir.resolve("faces"), 12, Color.ORANGE, 16);
    machines = picturesIn(dir.resolve("machines"), 12, Color.GRAY, 16);
    Files.writeString(faces.resolve("notes.txt"), "not a picture");
    Files.write(faces.resolve("broken.png"), new byte[] {1, 2, 3});
    ImageIO.write(picture(new Random(9), Color.PINK, 40, 24), "png", machines.resolve("wide.png").toFile());
  }

  static Path picturesIn(Path folder, int count, Color colour, int size) throws IOException {
    Files.createDirectories(folder);
    Random random = new Random(folder.getFileName().toString().hashCode());
    for (int i = 0; i < count; i++) {
      ImageIO.write(picture(random, colour, size, size), "png", folder.resolve("p" + i + ".png").toFile());
    }
    return folder;
  }

  static BufferedImage picture(Random random, Color colour, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour.darker());
    g.fillRect(0, 0, w, h);
    g.setColor(colour);
    g.fillOval(random.nextInt(w / 2), random.nextInt(h / 2), w / 2, h / 2);
    g.dispose();
    return image;
  }

  static String[] args(Path out, int steps, String... more) {
    List<String> a = new ArrayList<>(List.of("--data", faces.toString(), machines.toString(), "--size", "16",
        "--batch", "8", "--steps", String.valueOf(steps), "--out", out.toString(), "--sample-every", "2",
        "--checkpoint-every", "2", "--seed", "3", "--license", "CC0-1.0"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void aShortRunWritesAModelThatLoadsAndDraws() throws IOException {
    Path out = dir.resolve("models/short");
    Train.Result result = Train.run(args(out, 4));
    assertEquals(4, result.steps());

    LossHistory history = historyOf(out);
    assertEquals(4, history.size());
    assertFiniteLosses(history);
    assertTrue(Files.isRegularFile(out.resolve("samples/step-000002.png")));
    assertTrue(Files.isRegularFile(out.resolve("samples/step-000004.png")));
    assertEquals(new java.awt.Dimension(8 * 18 + 2, 8 * 18 + 2), size(out.resolve("samples.png")));
    assertTrue(Files.size(out.resolve("loss.png")) > 1000);

    try (Generator gan = Models.load(out)) {
      assertEquals(16, gan.width());
      assertEquals(List.of("faces", "machines"), gan.domains());
      assertEquals(StyleNet.Config.ADAIN, StyleNet.Config.fromJson(gan.latentSize(), gan.manifest().architecture())
          .synthesis(), "the default recipe's generator");
      assertTrue(gan.manifest().provenance().get("training").getAsString().contains("critic learned from scratch"));
      float[][] z = Latents.batch(1, 2, gan.latentSize());
      Image[] images = gan.generate(z);
      assertEquals(16, images[0].width());
      assertEquals(16, images[0].height());
      Image face = gan.synthesize(gan.map(z, new float[] {1, 0}, 0.7f))[0];
      Image machine = gan.synthesize(gan.map(z, new float[] {0, 1}, 0.7f))[0];
      assertNotEquals(Arrays.toString(face.argb()), Arrays.toString(machine.argb()), "the domain dial changes the picture");
      assertThrows(IllegalArgumentException.class, () -> gan.map(z, new float[] {1, 0, 0}, 1f));
      JsonObject provenance = gan.manifest().provenance();
      assertEquals(4, provenance.get("steps").getAsInt());
      assertEquals(3, provenance.get("seed").getAsInt());
      assertEquals("CC0-1.0", provenance.get("license").getAsString());
      assertTrue(provenance.get("command").getAsString().contains("--steps 4"));
      JsonObject firstFolder = provenance.getAsJsonArray("data").get(0).getAsJsonObject();
      assertEquals(12, firstFolder.get("images").getAsInt());
      assertEquals(2, firstFolder.get("skipped_files").getAsInt(), "the text file and the broken PNG are skipped");
      assertEquals(13, provenance.getAsJsonArray("data").get(1).getAsJsonObject().get("images").getAsInt(),
          "the picture of another size is resized, not skipped");
    }
  }

  @Test
  void aResumedRunCarriesOnFromTheCheckpoint() throws IOException {
    Path out = dir.resolve("models/resumed");
    Train.Result first = Train.run(args(out, 4));
    assertEquals(0, first.startStep());
    LossHistory before = historyOf(out);
    Image[] modelBefore = creatures(out);

    // the same command again: the checkpoint is complete, so nothing is trained and the model is the same
    Train.Result again = Train.run(args(out, 4));
    assertEquals(4, again.startStep());
    Image[] modelAgain = creatures(out);
    for (int i = 0; i < modelBefore.length; i++) {
      assertTrue(difference(modelBefore[i], modelAgain[i]) < 0.5, "the restored weights are the saved ones");
    }

    // more steps: the run starts at the checkpoint's step and keeps its history
    Train.Result second = Train.run(args(out, 6));
    assertEquals(4, second.startStep(), "the second run starts where the first one's checkpoint is");
    assertEquals(6, second.steps());
    LossHistory after = historyOf(out);
    assertEquals(6, after.size(), "the loss history carries over");
    for (int i = 0; i < 4; i++) {
      assertEquals(before.d(i), after.d(i));
      assertEquals(before.g(i), after.g(i));
    }
    try (Generator gan = Models.load(out)) {
      assertEquals(6, gan.manifest().provenance().get("steps").getAsInt());
    }
  }

  @Test
  void aCheckpointHoldsTheWholeTrainingState() throws IOException {
    StyleNet.Config skip = new StyleNet.Config(16, 16, 2, Train.generatorChannels(16, StyleNet.Config.SKIP),
        List.of("a", "b"), StyleNet.Config.SKIP);
    checkpointRoundTrip(skip, new Judge.Projected(ProjectedCritic.Config.forSize(16, 2)));
    StyleNet.Config adain = new StyleNet.Config(16, 16, 2, Train.generatorChannels(16, StyleNet.Config.ADAIN),
        List.of("a", "b"));
    checkpointRoundTrip(adain, new Judge.Scratch(Critic.Config.forSize(16, 2)));
  }

  static void checkpointRoundTrip(StyleNet.Config g, Judge.Config d) throws IOException {
    Rng rng = new Rng(5);
    float[] pixels = new float[8 * 3 * 16 * 16];
    int[] labels = {0, 1, 0, 1, 1, 0, 0, 1};
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = rng.nextFloat() * 2 - 1;
    }
    byte[] saved;
    try (GanTrainer a = new GanTrainer(g, d, GanTrainer.DEFAULT, 8)) {
      a.step(pixels, labels, rng);
      a.step(pixels, labels, rng);
      saved = bytes(a);
    }
    try (GanTrainer b = new GanTrainer(g, d, GanTrainer.DEFAULT, 8)) {
      b.load(new DataInputStream(new ByteArrayInputStream(saved)));
      assertArrayEquals(saved, bytes(b), "G, its average, D, both optimizers and the image count all come back");
      assertEquals(16, b.imagesSeen());
    }
  }

  static byte[] bytes(GanTrainer trainer) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buffer);
    trainer.save(out);
    out.flush();
    return buffer.toByteArray();
  }

  static void assertFiniteLosses(LossHistory history) {
    for (int i = 0; i < history.size(); i++) {
      assertTrue(Float.isFinite(history.d(i)) && Float.isFinite(history.g(i)), "losses stay finite at step " + i);
    }
  }

  static Image[] creatures(Path model) {
    try (Generator gan = Models.load(model)) {
      return gan.generate(Latents.batch(11, 4, gan.latentSize()));
    }
  }

  @Test
  void theSkipGeneratorWithProjectedHeadsBesideTheScratchCriticKeepsLossesFinite() throws IOException {
    Path out = dir.resolve("models/both");
    Train.run(args(out, 3, "--critic", "both", "--synthesis", "skip", "--band-mixing", "0.5"));
    assertFiniteLosses(historyOf(out));
    try (Generator gan = Models.load(out)) {
      assertTrue(gan.manifest().provenance().get("training").getAsString().contains("projected critic"));
    }
  }

  @Test
  void theFirstDefaultModelsRecipeStillTrains() throws IOException {
    Path out = dir.resolve("models/scratch");
    Train.run(args(out, 3, "--critic", "scratch", "--synthesis", "adain", "--band-mixing", "0"));
    assertFiniteLosses(historyOf(out));
    try (Generator gan = Models.load(out)) {
      assertEquals(StyleNet.Config.ADAIN, StyleNet.Config.fromJson(gan.latentSize(), gan.manifest().architecture())
          .synthesis());
      assertTrue(gan.manifest().provenance().get("training").getAsString().contains("learned from scratch"));
    }
  }

  @Test
  void hybridsAreTrainedByBandsOfLayers() {
    int[] bands = new int[12];
    for (int l = 0; l < 12; l++) {
      bands[l] = GanTrainer.band(l, 12);
    }
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, bands, "4x4 and 8x8 coarse, 16 and 32 middle, "
        + "64 and 128 fine");
    int[][] sheet = Train.sheetBands(3);
    for (int i = 0; i < 3 * Train.SHEET; i++) {
      int d = i / Train.SHEET;
      assertArrayEquals(new int[] {d, d, d}, sheet[i], "the first rows are one domain each");
    }
    java.util.Set<String> combinations = new java.util.HashSet<>();
    for (int i = 3 * Train.SHEET; i < sheet.length; i++) {
      assertNotEquals(sheet[i][0], sheet[i][2], "the rest are hybrids: the form of one domain, the skin of another");
      combinations.add(sheet[i][0] + ">" + sheet[i][2]);
    }
    assertEquals(6, combinations.size(), "every form-and-skin pair of three domains is on the sheet");
  }

  @Test
  void anUpdateWithABrokenGradientIsSkipped() {
    try (ai.djl.ndarray.NDManager m = ai.djl.engine.Engine.getEngine("PyTorch").newBaseManager()) {
      ai.djl.nn.Block block = ai.djl.nn.core.Linear.builder().setUnits(2).build();
      block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3));
      ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(m, false);
      java.util.function.Consumer<Float> backward = value -> {
        try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getEngine("PyTorch").newGradientCollector()) {
          ai.djl.ndarray.NDArray x = m.create(new float[] {1, value, 2}, new ai.djl.ndarray.types.Shape(1, 3));
          c.backward(block.forward(store, new ai.djl.ndarray.NDList(x), true).head().sum());
        }
      };
      backward.accept(0.5f);
      assertTrue(Adam.sane(block, GanTrainer.GRADIENT_LIMIT, m), "an ordinary gradient passes");
      Adam.zeroGradients(block, m);
      backward.accept(Float.NaN);
      assertTrue(!Adam.sane(block, GanTrainer.GRADIENT_LIMIT, m), "a NaN gradient is caught");
      Adam.zeroGradients(block, m);
      assertTrue(Adam.sane(block, GanTrainer.GRADIENT_LIMIT, m), "and zeroed, NaN included");
      backward.accept(1e33f);
      assertTrue(!Adam.sane(block, GanTrainer.GRADIENT_LIMIT, m), "so is garbage near 10^33");
    }
  }

  @Test
  void aRunKilledWithKill9ResumesFromItsLastCheckpoint() throws Exception {
    Path out = dir.resolve("models/killed");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Train.class.getName()));
    command.addAll(List.of(args(out, 400)));
    Process victim = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path checkpoint = out.resolve(Checkpoint.FILE);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && victim.isAlive()
        && (!Files.exists(checkpoint) || Checkpoint.header(checkpoint).get("step").getAsInt() < 4)) {
      Thread.sleep(100);
    }
    victim.destroyForcibly(); // SIGKILL, perhaps in the middle of writing the next checkpoint
    assertTrue(victim.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
    int saved = Checkpoint.header(checkpoint).get("step").getAsInt();
    assertTrue(saved >= 4, "a checkpoint was written before the kill");
    Train.Result resumed = Train.run(args(out, saved + 2));
    assertEquals(saved, resumed.startStep(), "the run resumes from the checkpoint that survived the kill");
    assertEquals(saved + 2, historyOf(out).size());
    try (var files = Files.list(out)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no half-written file is left");
    }
  }

  @Test
  void aCheckpointFromOtherOptionsIsRefusedByName() throws IOException {
    Path out = dir.resolve("models/other");
    Train.run(args(out, 2));
    String[] bigger = args(out, 4);
    bigger[Arrays.asList(bigger).indexOf("--size") + 1] = "32";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Train.run(bigger));
    assertTrue(e.getMessage().contains(out.resolve(Checkpoint.FILE).toString()), e.getMessage());
    assertTrue(e.getMessage().contains("--size 16"), e.getMessage());
  }

  @Test
  void badFoldersAreNamed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path junk = Files.createDirectories(dir.resolve("junk"));
    Files.writeString(junk.resolve("readme.md"), "no pictures here");
    Files.write(junk.resolve("fake.jpg"), new byte[] {0, 1, 2, 3});
    Path out = dir.resolve("models/never");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Train.run(new String[] {"--data", faces.toString(), empty.toString(), "--steps", "1", "--out", out.toString()}));
    assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("is empty"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> Train.run(new String[] {"--data", junk.toString(), "--steps", "1", "--out", out.toString()}));
    assertTrue(e.getMessage().contains(junk.toString()) && e.getMessage().contains("no usable image"), e.getMessage());

    Path missing = dir.resolve("nowhere");
    e = assertThrows(IllegalArgumentException.class,
        () -> Train.run(new String[] {"--data", missing.toString(), "--steps", "1", "--out", out.toString()}));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(!Files.exists(out), "nothing is written for bad input");
  }

  @Test
  void badOptionsSayWhatToFix() {
    String f = faces.toString();
    String m = machines.toString();
    assertMessage("--weights", "--data", f, m, "--weights", "1,2,3", "--steps", "1", "--out", "x");
    assertMessage("not a positive number", "--data", f, m, "--weights", "1,-2", "--steps", "1", "--out", "x");
    assertMessage("power of two", "--data", f, "--size", "100", "--steps", "1", "--out", "x");
    assertMessage("--steps is missing", "--data", f, "--out", "x");
    assertMessage("--out is missing", "--data", f, "--steps", "1");
    assertMessage("unknown option", "--data", f, "--steps", "1", "--out", "x", "--colour", "red");
    assertMessage("--critic must be one of both, projected, scratch", "--data", f, "--steps", "1", "--out", "x", "--critic",
        "big");
    assertMessage("--band-mixing must be a chance from 0 to 1", "--data", f, "--steps", "1", "--out", "x",
        "--band-mixing", "2");
  }

  @Test
  void picturesOfAnySizeAreCroppedAndScaled() {
    BufferedImage wide = picture(new Random(1), Color.RED, 300, 100);
    BufferedImage out = ImageFolders.squareResize(wide, 16);
    assertEquals(16, out.getWidth());
    assertEquals(16, out.getHeight());
    BufferedImage small = ImageFolders.squareResize(picture(new Random(2), Color.RED, 5, 7), 16);
    assertEquals(16, small.getWidth());
  }

  @Test
  void aRandomStreamResumesFromItsState() {
    Rng a = new Rng(42);
    a.nextGaussian();
    Rng b = new Rng(a.state());
    float[] x = {a.nextGaussian(), a.nextFloat(), a.nextInt(10)};
    float[] y = {b.nextGaussian(), b.nextFloat(), b.nextInt(10)};
    assertArrayEquals(x, y);
  }

  static void assertMessage(String expected, String... args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Train.run(args));
    assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
  }

  static LossHistory historyOf(Path out) throws IOException {
    JsonObject header = Checkpoint.header(out.resolve(Checkpoint.FILE));
    assertTrue(header.get("step").getAsInt() > 0);
    return Checkpoint.history(out.resolve(Checkpoint.FILE));
  }

  /** Mean absolute difference of two pictures' channels, 0..255. */
  static double difference(Image a, Image b) {
    long sum = 0;
    for (int i = 0; i < a.argb().length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        sum += Math.abs((a.argb()[i] >> shift & 0xFF) - (b.argb()[i] >> shift & 0xFF));
      }
    }
    return sum / (3.0 * a.argb().length);
  }

  static java.awt.Dimension size(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    return new java.awt.Dimension(image.getWidth(), image.getHeight());
  }
}
