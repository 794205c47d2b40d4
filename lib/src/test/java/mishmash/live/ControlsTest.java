package mishmash.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlsTest {
  enum Death { OLDEST, RANDOM, SWEEP }

  /** A stand-in sketch: what a real sketch declares. */
  static class Sketch {
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live(min = 0, max = 1, smooth = 0.5) double psi = 0.7;
    @Live(min = 1, max = 16) int columns = 8;
    @Live boolean labels = true;
    @Live Death death = Death.OLDEST;
    int births;
    List<String> latent = new ArrayList<>();

    @Live void breed() {
      births++;
    }
  }

  @TempDir Path tmp;

  @Test
  void changesFromAnyThreadApplyAtTheStartOfTheNextFrame() throws Exception {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    c.frame(0, 0);
    Thread sender = new Thread(() -> c.submit(Change.set("mutation", 1.2, "test")));
    sender.start();
    sender.join();
    assertEquals(0.35f, s.mutation, "nothing changes between frames");
    c.frame(1, 1 / 60.0);
    assertEquals(1.2f, s.mutation, 1e-6);
    c.submit(Change.norm("columns", 0.5, "test"));
    c.submit(Change.set("death", Double.NaN, "test"));
    c.submit(new Change(Change.Type.SET, "death", Double.NaN, "random", "test"));
    c.submit(new Change(Change.Type.SET, "labels", Double.NaN, "off", "test"));
    c.submit(Change.action("breed", "test"));
    c.submit(new Change(Change.Type.ACTION, "breed", 0, null, "a button's release"));
    c.frame(2, 2 / 60.0);
    assertEquals(9, s.columns, "half way from 1 to 16, rounded");
    assertEquals(Death.RANDOM, s.death, "a choice by name; the NaN before it was refused");
    assertEquals(false, s.labels);
    assertEquals(1, s.births, "an action runs once; a release does nothing");
    assertEquals(1, c.complaints().count("not a number"));
    assertEquals(c.submitted(), c.handled());
  }

  @Test
  void badValuesAreCountedAndNeverReachTheSketch() {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    c.submit(Change.set("mutation", Double.POSITIVE_INFINITY, "fuzz"));
    c.submit(Change.set("mutation", -50, "fuzz"));
    c.submit(Change.set("nonsense", 1, "fuzz"));
    c.submit(Change.action("explode", "fuzz"));
    c.submit(Change.latent(3, 1, "fuzz"));
    c.frame(0, 0);
    assertEquals(0f, s.mutation, "clamped to the range");
    assertEquals(1, c.complaints().count("not a number"));
    assertEquals(1, c.complaints().count("out of range"));
    assertEquals(1, c.complaints().count("unknown parameter"));
    assertEquals(1, c.complaints().count("unknown action"));
    assertEquals(1, c.complaints().count("latent ignored"), "no latent handler in this sketch");
  }

  @Test
  void aSmoothedParameterGlidesAndArrives() {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    c.frame(0, 0);
    c.submit(Change.set("psi", 0.1, "test"));
    c.frame(1, 0.1);
    assertTrue(s.psi < 0.7 && s.psi > 0.1, "on its way: " + s.psi);
    for (int f = 2; f < 120; f++) {
      c.frame(f, f / 10.0);
    }
    assertEquals(0.1, s.psi, 1e-6, "arrived");
  }

  @Test
  void theSketchWritingAFieldItselfIsRespected() {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    c.frame(0, 0);
    s.columns = 12;
    c.frame(1, 0.1);
    assertEquals(12, s.columns);
    assertEquals(12, Params.of(s).get("columns").base(), 1e-9);
  }

  @Test
  void modulationMovesAroundTheValueTheSameWayEveryRun() {
    double[] a = modulated(5);
    double[] b = modulated(5);
    double[] other = modulated(6);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], "the same seed drifts the same way");
      assertTrue(a[i] >= 0.35 - 0.2 * 2 - 1e-6 && a[i] <= 0.35 + 0.2 * 2 + 1e-6, "within depth: " + a[i]);
    }
    assertNotEquals(a[50], other[50], "another seed, another drift");
    double min = 9;
    double max = -9;
    for (double v : a) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertTrue(max - min > 0.1, "it moves: " + min + ".." + max);
  }

  private double[] modulated(long seed) {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), seed);
    c.submit(new Change(Change.Type.MODULATE, "mutation", 0, "drift 0.5 0.2", "test"));
    double[] out = new double[200];
    for (int f = 0; f < out.length; f++) {
      c.frame(f, f / 10.0);
      out[f] = s.mutation;
    }
    return out;
  }

  @Test
  void lfoShapesStayWithinTheirDepth() {
    for (Modulation.Shape shape : Modulation.Shape.values()) {
      Modulation m = new Modulation(shape, 0.7, 0.25);
      for (double t = 0; t < 10; t += 0.013) {
        assertTrue(Math.abs(m.at(t, 3)) <= 0.25 + 1e-9, shape + " at " + t);
      }
    }
    assertEquals(null, Modulation.parse("off"));
    assertEquals(new Modulation(Modulation.Shape.SINE, 0.1, 0.3), Modulation.parse("lfo sine 0.1 0.3"));
  }

  @Test
  void aPresetCrossfadesNumbersAndSwitchesChoicesHalfWay() throws IOException {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    Presets presets = new Presets(tmp.resolve("presets"), c);
    c.frame(0, 0);
    s.mutation = 2;
    s.death = Death.SWEEP;
    c.frame(1, 0);
    presets.save("wild");
    assertTrue(Files.readString(tmp.resolve("presets/wild.json")).contains("\"death\": \"sweep\""), "readable JSON");
    c.submit(Change.set("mutation", 0, "test"));
    c.submit(Change.set("death", 0, "test"));
    c.frame(2, 1);
    presets.recall("wild", 4, "test");
    c.frame(3, 2); // the fade starts
    c.frame(4, 3);
    assertEquals(0.5f, s.mutation, 1e-5, "a quarter of the way after 1 of 4 s");
    assertEquals(Death.OLDEST, s.death, "a choice holds until half way");
    c.frame(5, 4.5);
    assertEquals(Death.SWEEP, s.death);
    c.submit(Change.set("columns", 3, "performer"));
    c.frame(6, 6.5);
    assertEquals(2f, s.mutation, 1e-6, "arrived");
    assertEquals(3, s.columns, "the performer's change stands");
    assertEquals(List.of("wild"), presets.names());
  }

  @Test
  void presetNamesThatCannotBeFilesAreRefusedAndAMissingPresetIsNamed() {
    Controls c = new Controls("test", Params.of(new Sketch()), 1);
    Presets presets = new Presets(tmp.resolve("presets"), c);
    for (String bad : new String[] {"", "../escape", "a/b", ".hidden", "x".repeat(65)}) {
      assertThrows(IllegalArgumentException.class, () -> presets.save(bad), bad);
    }
    IOException e = assertThrows(IOException.class, () -> presets.recall("nope", 1, "test"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void aRecordedPerformanceReplaysFrameByFrame() throws IOException {
    Path file = tmp.resolve("perf.jsonl");
    Sketch live = new Sketch();
    Controls c = new Controls("test", Params.of(live), 9);
    c.record(new Performance.Recorder(file, "test", 9));
    List<String> trace = new ArrayList<>();
    for (int f = 0; f < 60; f++) {
      if (f == 5) {
        c.submit(Change.set("psi", 0.2, "osc"));
      }
      if (f == 10) {
        c.submit(new Change(Change.Type.MODULATE, "mutation", 0, "lfo sine 1 0.2", "osc"));
        c.submit(Change.action("breed", "midi"));
      }
      if (f == 30) {
        c.submit(new Change(Change.Type.RECALL, "p", 1, "{\"values\":{\"columns\":3,\"death\":\"sweep\"}}", "panel"));
      }
      c.frame(f, f / 30.0);
      trace.add(live.mutation + " " + live.psi + " " + live.columns + " " + live.death + " " + live.births);
    }
    c.close();
    Files.writeString(file, Files.readString(file) + "{\"frame\":70,\"t\":2.3,\"ty", java.nio.charset.StandardCharsets.UTF_8);

    Sketch again = new Sketch();
    Controls r = new Controls("test", Params.of(again), 9);
    Performance.Player player = new Performance.Player(file, true);
    assertEquals(4, player.size(), "every event, and the torn last line skipped");
    r.replay(player);
    for (int f = 0; f < 60; f++) {
      r.frame(f, f / 30.0);
      assertEquals(trace.get(f), again.mutation + " " + again.psi + " " + again.columns + " " + again.death + " "
          + again.births, "frame " + f);
    }
  }
}
