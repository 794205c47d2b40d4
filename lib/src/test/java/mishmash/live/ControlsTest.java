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
    c.record(new Performance.Recorder(file, "test", 9, 30));
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
    Performance.Player player = new Performance.Player(file, 30);
    assertEquals(4, player.size(), "every event, and the torn last line skipped");
    r.replay(player);
    for (int f = 0; f < 60; f++) {
      r.frame(f, f / 30.0);
      assertEquals(trace.get(f), again.mutation + " " + again.psi + " " + again.columns + " " + again.death + " "
          + again.births, "frame " + f);
    }
  }

  // issue 12, 1: a preset whose "values" or "modulations" is not an object killed the sketch

  @Test
  void aPresetThatIsNotAPresetChangesNothingStopsNothingAndIsNotRecorded() throws IOException {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    Path take = tmp.resolve("take.jsonl");
    c.record(new Performance.Recorder(take, "test", 1, 0));
    String[] broken = {
        "{\"sketch\":\"grid\",\"values\":[1,2,3]}",
        "{\"values\":{\"mutation\":1},\"modulations\":[\"lfo\"]}",
        "{\"values\":null}",
        "[1,2,3]",
        "{\"values\":{\"mutation\":",
        "\"text\"",
    };
    int f = 0;
    for (String text : broken) {
      c.submit(new Change(Change.Type.RECALL, "arr", 0, text, "osc"));
      c.frame(f, f / 30.0); // no ClassCastException, no IllegalStateException
      f++;
    }
    c.submit(new Change(Change.Type.RECALL, "odd", 0,
        "{\"values\":{\"mutation\":{\"x\":1},\"columns\":[2],\"psi\":0.5},\"modulations\":{\"mutation\":[1]}}", "osc"));
    c.frame(f, f / 30.0);
    c.close();
    assertEquals(0.35f, s.mutation, "nothing of the broken presets applied");
    assertEquals(8, s.columns);
    assertEquals(0.5, c.params().get("psi").base(), 1e-9, "the one good value of a half-good preset applies");
    assertEquals(broken.length + 3, c.complaints().count("bad preset"), c.complaints().counts().toString());
    List<String> recorded = Files.readAllLines(take);
    assertEquals(2, recorded.size(), "only the half-good preset was recorded: " + recorded);

    // replaying a recording that holds a broken recall (as made before the fix) stops nothing either
    Files.writeString(take, recorded.get(0) + "\n{\"frame\":1,\"t\":0.03,\"type\":\"RECALL\",\"name\":\"arr\","
        + "\"value\":0,\"text\":\"{\\\"values\\\":[1,2,3]}\",\"source\":\"osc\"}\n");
    Sketch again = new Sketch();
    Controls r = new Controls("test", Params.of(again), 1);
    r.replay(new Performance.Player(take, 30));
    r.frame(0, 0);
    r.frame(1, 1 / 30.0);
    assertEquals(1, r.complaints().count("bad preset"));
  }

  @Test
  void aBrokenPresetFileIsRefusedWithItsNameAndWhatIsWrongInPlainWords() throws IOException {
    Controls c = new Controls("test", Params.of(new Sketch()), 1);
    Presets presets = new Presets(tmp.resolve("presets"), c);
    Files.createDirectories(presets.folder());
    Files.writeString(presets.folder().resolve("arr.json"), "{\"sketch\":\"grid\",\"values\":[1,2,3]}");
    Files.writeString(presets.folder().resolve("torn.json"), "{\n  \"values\": {\n    \"mutation\": 0.8\n    \"psi\": 1\n");
    Files.write(presets.folder().resolve("bytes.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    IOException arr = assertThrows(IOException.class, () -> presets.recall("arr", 0, "panel"));
    assertTrue(arr.getMessage().contains("arr.json") && arr.getMessage().contains("\"values\" as a list"), arr.getMessage());
    IOException torn = assertThrows(IOException.class, () -> presets.recall("torn", 0, "panel"));
    assertTrue(torn.getMessage().contains("torn.json") && torn.getMessage().contains("not valid JSON (line 4"),
        torn.getMessage());
    IOException bytes = assertThrows(IOException.class, () -> presets.recall("bytes", 0, "panel"));
    assertTrue(bytes.getMessage().contains("bytes.json"), bytes.getMessage());
    for (IOException e : List.of(arr, torn, bytes)) {
      assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("BEGIN_OBJECT")
          && !e.getMessage().contains("Input length"), "no parser jargon: " + e.getMessage());
    }
    c.frame(0, 0);
    assertEquals(0, c.handled(), "nothing was submitted");
  }

  @Test
  void aControlEventThatFailsIsCountedAndTheFrameGoesOn() {
    class Fragile {
      @Live(min = 0, max = 1) float x = 0;

      @Live void explode() {
        throw new IllegalStateException("the sketch's own bug");
      }
    }
    Fragile f = new Fragile();
    Controls c = new Controls("test", Params.of(f), 1);
    c.submit(Change.action("explode", "osc"));
    c.submit(Change.set("x", 0.5, "osc"));
    c.frame(0, 0);
    assertEquals(0.5f, f.x, "the change after the failing one still applied");
    assertEquals(1, c.complaints().count("failed change"));
  }

  // issue 12, 5: feedback during a preset crossfade

  @Test
  void listenersFollowACrossfadeStepByStep() {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    List<Double> heard = new ArrayList<>();
    c.addListener((p, cause) -> {
      if (p.name().equals("mutation")) {
        heard.add(p.base());
      }
    });
    c.frame(0, 0);
    c.submit(new Change(Change.Type.RECALL, "p", 1, "{\"values\":{\"mutation\":1.35}}", "panel"));
    for (int f = 1; f <= 15; f++) {
      c.frame(f, f / 10.0);
    }
    assertTrue(heard.size() >= 9, "a value every frame of the 1 s fade: " + heard);
    for (int i = 1; i < heard.size(); i++) {
      assertTrue(heard.get(i) >= heard.get(i - 1), "rising: " + heard);
    }
    assertTrue(heard.stream().anyMatch(v -> v > 0.5 && v < 1.2), "values on the way: " + heard);
    assertEquals(1.35, heard.get(heard.size() - 1), 1e-6, "and the end");
  }

  // issue 12, 11: presets held float noise; the panel's "gliding" stayed on after /norm

  @Test
  void presetsHoldNumbersAsWrittenNotFloatNoise() throws IOException {
    Sketch s = new Sketch();
    s.mutation = 0.2f;
    Controls c = new Controls("test", Params.of(s), 1);
    c.submit(Change.norm("psi", 0.3, "osc"));
    c.frame(0, 0);
    for (int f = 1; f < 100; f++) {
      c.frame(f, f / 10.0);
    }
    String json = Files.readString(new Presets(tmp.resolve("p"), c).save("tidy"));
    assertTrue(json.contains("\"mutation\": 0.2,"), json);
    assertTrue(json.contains("\"psi\": 0.3,"), json);
    assertTrue(json.contains("\"columns\": 8,"), json);
    assertTrue(!json.contains("0000000"), json);
  }

  @Test
  void aParameterGlidesOnlyWhileItMoves() {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    Param mutation = c.params().get("mutation");
    Param psi = c.params().get("psi");
    c.frame(0, 0);
    c.submit(Change.norm("mutation", 0.3, "osc")); // a float field: 0.6 as a float is not 0.6 as a double
    c.submit(Change.norm("psi", 0.1, "osc"));
    c.frame(1, 0.1);
    assertTrue(!mutation.gliding(), "an unsmoothed float arrived at once");
    assertTrue(psi.gliding(), "a smoothed one is on its way");
    for (int f = 2; f < 100; f++) {
      c.frame(f, f / 10.0);
    }
    assertTrue(!mutation.gliding() && !psi.gliding(), "both arrived");
  }

  @Test
  void theStateOfTheLastFrameIsReadableFromAnyThread() throws Exception {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    Controls.State before = c.state();
    assertEquals(0.35, before.value(c.params().get("mutation")), 1e-6, "published before the first frame");
    c.submit(Change.set("mutation", 1.5, "osc"));
    assertEquals(before, c.state(), "nothing changes between frames");
    c.frame(0, 0);
    double[] seen = new double[1];
    Thread other = new Thread(() -> seen[0] = c.state().value(c.params().get("mutation")));
    other.start();
    other.join();
    assertEquals(1.5, seen[0], 1e-6);
    c.frame(1, 0.1);
    assertTrue(c.state() == c.state(), "a still frame publishes nothing new");
  }

  // issue 12, 9: --record FILE overwrote an existing take

  @Test
  void aRecordingNeverOverwritesATake() throws IOException {
    Path take = tmp.resolve("take.jsonl");
    Files.writeString(take, "yesterday's performance\n");
    Performance.Recorder second = new Performance.Recorder(take, "test", 1, 0);
    second.close();
    Performance.Recorder third = new Performance.Recorder(take, "test", 1, 0);
    third.close();
    assertEquals("yesterday's performance\n", Files.readString(take), "the old take is untouched");
    assertEquals(tmp.resolve("take-2.jsonl"), second.file());
    assertEquals(tmp.resolve("take-3.jsonl"), third.file());
    assertTrue(Files.readString(second.file()).startsWith("{\"mishmash\":\"performance\""));
  }

  // issue 12, 11: a live recording replayed headless at another tempo

  @Test
  void aLiveRecordingKeepsItsTempoWhenRenderedHeadless() throws IOException {
    Path file = tmp.resolve("live.jsonl");
    Sketch live = new Sketch();
    Controls c = new Controls("test", Params.of(live), 9);
    c.record(new Performance.Recorder(file, "test", 9, 0)); // live: no fixed frame rate
    for (int f = 0; f <= 100; f++) {
      if (f == 50) {
        c.submit(Change.set("columns", 3, "osc")); // at frame 50 of a 50 fps run: 1 s in
      }
      c.frame(f, f / 50.0);
    }
    c.close();
    Sketch headless = new Sketch();
    Controls r = new Controls("test", Params.of(headless), 9);
    Performance.Player player = new Performance.Player(file, 10); // rendered at 10 fps
    assertTrue(!player.byFrame(), "a live take goes by time");
    r.replay(player);
    for (int f = 0; f <= 20; f++) {
      r.frame(f, f / 10.0);
      assertEquals(f < 10 ? 8 : 3, headless.columns, "frame " + f + ": the change lands at 1 s, frame 10");
    }
    Path headlessTake = tmp.resolve("headless.jsonl");
    new Performance.Recorder(headlessTake, "test", 9, 10).close();
    assertTrue(new Performance.Player(headlessTake, 10).byFrame(), "a headless take at the same rate goes by frame");
    assertTrue(!new Performance.Player(headlessTake, 30).byFrame(), "at another rate, by time");
  }

  // issue 12, 11: after a crash and restart every live value was back to its default

  @Test
  void theLastValuesComeBackAfterARestart() throws Exception {
    Path file = tmp.resolve("live/test.json");
    Sketch before = new Sketch();
    Controls c = new Controls("test", Params.of(before), 1);
    LastValues.keep(file, c, true);
    c.submit(Change.set("mutation", 1.7, "osc"));
    c.submit(new Change(Change.Type.SET, "death", Double.NaN, "sweep", "osc"));
    c.submit(new Change(Change.Type.MODULATE, "psi", 0, "lfo sine 0.1 0.2", "osc"));
    long end = System.nanoTime() + 5_000_000_000L;
    for (int f = 0; !Files.exists(file) && System.nanoTime() < end; f++) {
      c.frame(f, f / 60.0);
      Thread.sleep(16);
    }
    // no close(): as after a kill -9, what was written within the second is what there is
    Thread.sleep(200);
    Sketch after = new Sketch();
    Controls restarted = new Controls("test", Params.of(after), 1);
    LastValues last = LastValues.keep(file, restarted, true);
    assertEquals(null, last.problem());
    assertEquals(1.7f, after.mutation, 1e-6, "restored before the first frame");
    assertEquals(Death.SWEEP, after.death);
    assertEquals(new Modulation(Modulation.Shape.SINE, 0.1, 0.2), restarted.modulations().get("psi"));

    Files.writeString(file, "{\"values\": [garbage");
    Sketch third = new Sketch();
    LastValues broken = LastValues.keep(file, new Controls("test", Params.of(third), 1), true);
    assertTrue(broken.problem().contains(file.toString()) && broken.problem().contains("not valid JSON"), broken.problem());
    assertEquals(0.35f, third.mutation, "a broken file restores nothing and stops nothing");
    Sketch fresh = new Sketch();
    Files.writeString(file, "{\"values\":{\"mutation\":1.9}}");
    LastValues.keep(file, new Controls("test", Params.of(fresh), 1), false);
    assertEquals(0.35f, fresh.mutation, "--fresh starts from the declared values");
  }
}
