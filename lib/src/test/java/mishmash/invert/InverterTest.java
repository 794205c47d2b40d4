package mishmash.invert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.Styles;
import mishmash.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inverter: made by its command from a generator's own samples, it finds creatures again; it belongs to one generator. */
class InverterTest {
  @TempDir Path tmp;

  String[] command(Path model, Path out) {
    return new String[] {"--model", model.toString(), "--out", out.toString(), "--cache", tmp.resolve("cache").toString(),
        "--samples", "500", "--face-samples", "0", "--held-out", "120", "--steps", "600", "--hidden", "64"};
  }

  @Test
  void theInverterBeatsARandomLatentOnHeldOutCreatures() throws Exception {
    Path model = TinyModels.styleNet(tmp.resolve("tiny"));
    TrainInverter.Result r = TrainInverter.run(command(model, tmp.resolve("inv")));
    TrainInverter.RoundTrip t = r.picture();
    assertEquals(120, t.n());
    assertTrue(t.latent() < 0.6 * t.latentRandom(), "w error " + t.latent() + " against a random w's " + t.latentRandom());
    assertTrue(t.pixels() < 0.8 * t.pixelsRandom(), "pictures " + t.pixels() + " levels apart, a random w's "
        + t.pixelsRandom());
    assertTrue(Files.exists(r.folder().resolve("model.json")) && Files.exists(r.folder().resolve("roundtrip.png")));
    try (Generator gan = Models.load(model); Inverter inv = Inverter.load(r.folder(), gan)) {
      Styles w = Genomes.styles(gan, List.of(Genomes.fresh(gan, 424242)), 0.8f);
      Image picture = gan.synthesize(w)[0];
      Styles found = inv.fromPicture(picture);
      assertEquals(gan.styleLayers(), found.layers());
      Styles random = Genomes.styles(gan, List.of(Genomes.fresh(gan, 777)), 0.8f);
      assertTrue(distance(found, w) < distance(random, w), "a creature it never saw is found nearer than a random one");
      assertFalse(inv.hasFacePath(), "no faces tried, no face path");
    }
  }

  static double distance(Styles a, Styles b) {
    double s = 0;
    for (int i = 0; i < a.data().length; i++) {
      s += (a.data()[i] - b.data()[i]) * (a.data()[i] - b.data()[i]);
    }
    return s;
  }

  @Test
  void anInverterMadeForAnotherGeneratorIsRefusedWithTheCommandThatMakesTheRightOne() throws Exception {
    Path model = TinyModels.styleNet(tmp.resolve("tiny"));
    Path inv = TrainInverter.run(new String[] {"--model", model.toString(), "--out", tmp.resolve("inv").toString(),
        "--cache", tmp.resolve("cache").toString(), "--samples", "40", "--face-samples", "0", "--held-out", "8",
        "--steps", "20", "--hidden", "8"}).folder();
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.copy(model.resolve("model.json"), other.resolve("model.json"));
    byte[] weights = Files.readAllBytes(model.resolve("generator.params"));
    weights[weights.length - 1] ^= 1;
    Files.write(other.resolve("generator.params"), weights);
    try (Generator gan = Models.load(other)) {
      ModelException e = assertThrows(ModelException.class, () -> Inverter.load(inv, gan));
      assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("retrained or replaced")
          && e.getMessage().contains("-Pinvert"), e.getMessage());
    }
    try (Generator gan = Models.load(TinyModels.fixture("ts-styled"))) {
      ModelException e = assertThrows(ModelException.class, () -> Inverter.load(inv, gan));
      assertTrue(e.getMessage().contains("\"ts-styled\"") && e.getMessage().contains("\"tiny\""), e.getMessage());
    }
    try (Generator gan = Models.load(model)) {
      assertThrows(ModelException.class, () -> Inverter.load(model, gan), "a generator's folder is not an inverter");
      Files.delete(inv.resolve("picture.params"));
      ModelException e = assertThrows(ModelException.class, () -> Inverter.load(inv, gan));
      assertTrue(e.getMessage().contains("picture.params") && e.getMessage().contains("missing"), e.getMessage());
    }
  }

  @Test
  void theCommandNamesItsMistakes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainInverter.run(new String[] {"--sampels", "10"}));
    assertTrue(e.getMessage().contains("--sampels") && e.getMessage().contains("--samples"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainInverter.run(new String[] {"--steps", "many"}));
    assertTrue(e.getMessage().contains("--steps"), e.getMessage());
    ModelException m = assertThrows(ModelException.class, () -> TrainInverter.run(new String[] {"--model", "nosuch"}));
    assertTrue(m.getMessage().contains("nosuch"), m.getMessage());
  }

  /**
   * The command in a JVM of its own, with one PyTorch thread: every run of this test computes alike
   * (this JVM's engine may already run with two threads, which round differently).
   */
  static ProcessBuilder command(Path log, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-cp", System.getProperty("java.class.path"), TrainInverter.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
  }

  static void runToTheEnd(Path log, String... args) throws Exception {
    Process p = command(log, args).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the command should end");
    assertEquals(0, p.exitValue(), Files.readString(log));
  }

  @Test
  void killedAtAnyMomentItResumesAndEndsAsAnUninterruptedRunDoes() throws Exception {
    Path model = TinyModels.styleNet(tmp.resolve("tiny"));
    Path cache = tmp.resolve("cache");
    String[] args = {"--model", model.toString(), "--out", tmp.resolve("inv").toString(), "--cache", cache.toString(),
        "--samples", "300", "--face-samples", "0", "--held-out", "60", "--steps", "1500", "--hidden", "64"};
    Process victim = command(tmp.resolve("log.txt"), args).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(cache.resolve("picture.checkpoint")) && System.nanoTime() < end && victim.isAlive()) {
      Thread.sleep(20);
    }
    assertTrue(victim.isAlive(), "it should still be training: " + Files.readString(tmp.resolve("log.txt")));
    victim.destroyForcibly(); // kill -9, in the middle of training
    assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
    assertFalse(Files.exists(tmp.resolve("inv").resolve("model.json")), "no inverter folder from a run that did not finish");
    runToTheEnd(tmp.resolve("resumed.txt"), args);
    assertTrue(Files.readString(tmp.resolve("resumed.txt")).contains("resuming from"), Files.readString(tmp.resolve("resumed.txt")));
    byte[] a = Files.readAllBytes(tmp.resolve("inv").resolve("picture.params"));
    Path clean = tmp.resolve("clean");
    String[] again = args.clone();
    again[3] = clean.resolve("inv").toString();
    again[5] = clean.resolve("cache").toString();
    runToTheEnd(tmp.resolve("straight.txt"), again);
    assertArrayEquals(Files.readAllBytes(clean.resolve("inv").resolve("picture.params")), a,
        "the resumed run ends with the weights of a run that was never stopped");
    assertTrue(Files.readString(tmp.resolve("log.txt")).contains("creatures for the picture path"), "a progress bar");
  }
}
