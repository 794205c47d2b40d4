import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.sketch.Headless;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive grid as CI sees it: headless frames, and a real window when there is a display. */
class ArchiveGridTest {
  @TempDir Path tmp;

  static int[] pixels(Path png) throws IOException {
    var image = ImageIO.read(png.toFile());
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  Path render(String name, String... args) {
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = args;
    Path out = tmp.resolve(name);
    Headless.render(sketch, 480, 270, 10, 14, out);
    return out;
  }

  @Test
  void theSameSeedRendersTheSameFrames() throws IOException {
    Path a = render("a", "--seed", "3", "--archive", tmp.resolve("archive-a").toString(), "--set", "interval=0.5,morph=0.4");
    Path b = render("b", "--seed", "3", "--archive", tmp.resolve("archive-b").toString(), "--set", "interval=0.5,morph=0.4");
    for (int f = 0; f < 14; f++) {
      String name = String.format("frame-%05d.png", f);
      assertArrayEquals(pixels(a.resolve(name)), pixels(b.resolve(name)), name + " is the same in both runs");
    }
    assertFalse(Arrays.equals(pixels(a.resolve("frame-00000.png")), pixels(a.resolve("frame-00013.png"))),
        "the grid moves");
    Archive archive = Archive.open(tmp.resolve("archive-a"));
    assertTrue(archive.size() >= 40 + 2, "the grid filled and at least two were born: " + archive.size());
    assertTrue(archive.all().stream().anyMatch(c -> c.parents().length == 2), "a newborn has two parents");
  }

  @Test
  void aRecordedPerformanceReplaysToTheSameFrames() throws IOException {
    // a performer's moves, as a file: a knob, a pad, a latent fader and an LFO
    Path script = tmp.resolve("moves.jsonl");
    Files.writeString(script, String.join("\n",
        "{\"mishmash\":\"performance\",\"sketch\":\"grid\",\"seed\":3}",
        "{\"frame\":2,\"t\":0.2,\"type\":\"SET\",\"name\":\"mutation\",\"value\":1.6,\"source\":\"midi\"}",
        "{\"frame\":3,\"t\":0.3,\"type\":\"ACTION\",\"name\":\"breed\",\"value\":1,\"source\":\"osc\"}",
        "{\"frame\":3,\"t\":0.3,\"type\":\"LATENT\",\"name\":\"0\",\"value\":3.0,\"source\":\"osc\"}",
        "{\"frame\":4,\"t\":0.4,\"type\":\"MODULATE\",\"name\":\"breath\",\"value\":0,\"text\":\"lfo sine 2 0.5\",\"source\":\"osc\"}",
        ""));
    Path recorded = tmp.resolve("recorded.jsonl");
    Path played = render("played", "--seed", "3", "--archive", tmp.resolve("archive-p").toString(),
        "--set", "interval=0.5,morph=0.4", "--replay", script.toString(), "--record", recorded.toString());
    Path replayed = render("replayed", "--seed", "3", "--archive", tmp.resolve("archive-r").toString(),
        "--set", "interval=0.5,morph=0.4", "--replay", recorded.toString());
    Path untouched = render("untouched", "--seed", "3", "--archive", tmp.resolve("archive-u").toString(),
        "--set", "interval=0.5,morph=0.4");
    assertEquals(5, Files.readAllLines(recorded).size(), "the header and every event were recorded");
    boolean differs = false;
    for (int f = 0; f < 14; f++) {
      String name = String.format("frame-%05d.png", f);
      assertArrayEquals(pixels(played.resolve(name)), pixels(replayed.resolve(name)), name + " replays identically");
      differs |= !Arrays.equals(pixels(played.resolve(name)), pixels(untouched.resolve(name)));
    }
    assertTrue(differs, "the performance changed what was drawn");
    assertTrue(Archive.open(tmp.resolve("archive-r")).size() > Archive.open(tmp.resolve("archive-u")).size(),
        "the replayed pad hit bred an extra creature");
  }

  @Test
  void oscPlaysTheRunningSketch() throws Exception {
    int port;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
      port = probe.getLocalPort();
    }
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = new String[] {"--seed", "3", "--archive", tmp.resolve("archive").toString(), "--osc-port",
        Integer.toString(port), "--osc-bind", "127.0.0.1"};
    Thread render = new Thread(() -> Headless.render(sketch, 320, 180, 10, 400, tmp.resolve("frames")));
    render.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sketch.frameCount < 3 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    try (java.nio.channels.DatagramChannel out = java.nio.channels.DatagramChannel.open()) {
      for (Object[] m : new Object[][] {{"/mishmash/grid/mutation", 1.7f}, {"/mishmash/grid/death", "random"},
          {"/mishmash/grid/columns/norm", 0.2f}}) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(256);
        new com.illposed.osc.OSCSerializerAndParserBuilder().buildSerializer(new com.illposed.osc.BufferBytesReceiver(b))
            .write(new com.illposed.osc.OSCMessage((String) m[0], java.util.List.of(m[1])));
        b.flip();
        out.send(b, new java.net.InetSocketAddress("127.0.0.1", port));
      }
    }
    while (sketch.mutation != 1.7f && render.isAlive()) {
      Thread.sleep(5);
    }
    render.join();
    assertEquals(1.7f, sketch.mutation, "a real UDP message reached the sketch's field");
    assertEquals(mishmash.grid.DeathPolicy.RANDOM, sketch.death);
    assertEquals(4, sketch.columns, "0.2 of 1..16");
  }

  @Test
  void aMissingModelIsShownOnScreenInsteadOfACrash() throws IOException {
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = new String[] {"--model", "no-such-model", "--archive", tmp.resolve("archive").toString()};
    Headless.render(sketch, 480, 270, 10, 2, tmp.resolve("frames"));
    assertTrue(sketch.problem().contains("no-such-model"), sketch.problem());
    assertTrue(Files.exists(tmp.resolve("frames/frame-00001.png")), "it still draws frames");
    int[] px = pixels(tmp.resolve("frames/frame-00001.png"));
    assertTrue(Arrays.stream(px).anyMatch(p -> (p >> 16 & 0xFF) > 200), "the message is on screen");
  }

  @Test
  void theSketchRunsInARealWindow() throws Exception {
    boolean ci = "1".equals(System.getenv("MISHMASH_CI"));
    boolean display = System.getenv("DISPLAY") != null;
    if (!display) {
      if (ci) {
        throw new AssertionError("CI must run this test under xvfb-run: no DISPLAY");
      }
      Assumptions.abort("SKIPPED: no display (run under xvfb-run -a to include the window test)");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "ArchiveGrid",
        "--window", "960x540", "--bench", "4", "--osc-port", "0", "--archive", tmp.resolve("archive").toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the sketch exits after its benchmark");
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("| ArchiveGrid | processing.awt.PGraphicsJava2D | 960x540 |"), output);
    assertNull(firstCrashLog(), "no native crash at exit");
  }

  private static Path firstCrashLog() throws IOException {
    try (var files = Files.list(Path.of("."))) {
      return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).findFirst().orElse(null);
    }
  }
}
